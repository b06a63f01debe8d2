package cn.luoshi.common.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Placeholder pages for modules not built yet. A module's own controller maps the same literal path, which is
 * more specific than this pattern and so takes over without anyone editing this class.
 */
@Controller
class ComingSoonController {

    @GetMapping("/{module:tasks|indicators|targets|projects|enterprises|appeals|assessments|meetings|reports|cockpit}")
    String comingSoon(@PathVariable String module, Model model) {
        model.addAttribute("module", module);
        return "coming-soon";
    }
}
