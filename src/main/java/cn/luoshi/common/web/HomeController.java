package cn.luoshi.common.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (the home page after sign-in is the cockpit module's to-do list). */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
