package cn.luoshi.cockpit.internal.web;

import java.util.Comparator;
import java.util.List;

import cn.luoshi.notify.Todo;
import cn.luoshi.notify.TodoSource;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first page after sign-in: what the user must act on, from every module's {@link TodoSource}, with counts
 * and the lists behind them. The leader's home is the cockpit.
 */
@Controller
class HomePageController {

    private final List<TodoSource> sources;

    HomePageController(List<TodoSource> sources) {
        this.sources = sources;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal LuoshiUser me, Model model) {
        if (me.has(Role.LEADER)) {
            return "redirect:/cockpit";
        }
        List<Todo> todos = sources.stream().flatMap(s -> s.todos(me).stream()).filter(t -> t.count() > 0)
                .sorted(Comparator.comparingInt(Todo::order).thenComparing(Todo::key)).toList();
        model.addAttribute("todos", todos);
        return "home";
    }
}
