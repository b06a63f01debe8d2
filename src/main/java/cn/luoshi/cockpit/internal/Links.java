package cn.luoshi.cockpit.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;

/** The list pages the cockpit's numbers open, with the filters that give the same numbers. */
final class Links {

    private Links() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code status=A&status=B…} for the task board. */
    static String statuses(Collection<? extends Enum<?>> statuses) {
        return statuses.stream().map(s -> "status=" + s.name()).collect(Collectors.joining("&"));
    }
}
