package cn.luoshi.common.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Lets templates know the current path ({@code @webPage.path()}) to highlight the navigation. */
@Component("webPage")
public class WebPage {

    public String path() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var request = attributes.getRequest();
            Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
            String uri = forwarded instanceof String s ? s : request.getRequestURI();
            return uri.substring(request.getContextPath().length());
        }
        return "";
    }
}
