package cn.luoshi.org.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a sign-in came from, as the throttle counts it and the audit records it: the one the sign-in's details
 * kept, else the current request's (the client's, behind the trusted proxy).
 */
final class SignInAddress {

    private SignInAddress() {
    }

    static String of(Authentication auth, String unknown) {
        if (auth.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return current(unknown);
    }

    static String current(String unknown) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : unknown;
    }
}
