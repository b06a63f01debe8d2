package cn.luoshi.common.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import org.springframework.ui.Model;

/** Puts a refusal on a form page: a message at the top and one next to each field at fault. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void addTo(Model model, DomainException e, Messages messages) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldProblem problem : e.fieldProblems()) {
            fields.merge(problem.field(), messages.get(problem.code(), problem.args()), (a, b) -> a + "；" + b);
        }
        model.addAttribute("formError", messages.get(e.code(), e.args()));
        model.addAttribute("fieldErrors", fields);
    }

    public static String message(DomainException e, Messages messages) {
        StringBuilder text = new StringBuilder(messages.get(e.code(), e.args()));
        for (FieldProblem problem : e.fieldProblems()) {
            text.append("；").append(messages.get(problem.code(), problem.args()));
        }
        return text.toString();
    }
}
