package cn.luoshi.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The path patterns the application answers GET on, as its own request mappings declare them. */
public final class GetMappings {

    private GetMappings() {
    }

    public static List<String> of(RequestMappingHandlerMapping mappings) {
        List<String> paths = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean get = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            if (get && info.getPathPatternsCondition() != null) {
                paths.addAll(info.getPathPatternsCondition().getPatternValues());
            }
        });
        return paths;
    }
}
