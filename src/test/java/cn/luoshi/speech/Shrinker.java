package cn.luoshi.speech;

import java.util.function.Predicate;

/**
 * Makes a failing input small: removes ever smaller stretches of it as long as what is left still fails (delta
 * debugging), so that a failure found among thousands of characters can be kept as a short regression example.
 */
final class Shrinker {

    private static final int MAX_ATTEMPTS = 10_000;

    private Shrinker() {
    }

    static String shrink(String input, Predicate<String> fails) {
        String current = input;
        int attempts = 0;
        boolean shrunk = true;
        for (int chunk = Math.max(1, current.length() / 2); shrunk && attempts < MAX_ATTEMPTS; chunk = Math.max(1, chunk / 2)) {
            // the last pass, removing single characters, is repeated until none can go
            shrunk = chunk > 1;
            int i = 0;
            while (i < current.length() && attempts < MAX_ATTEMPTS) {
                String candidate = current.substring(0, i) + current.substring(Math.min(current.length(), i + chunk));
                attempts++;
                if (fails.test(candidate)) {
                    current = candidate;
                    shrunk = true;
                } else {
                    i += chunk;
                }
            }
        }
        return current;
    }

    /** The input as a Java string literal, to paste into a regression test. */
    static String literal(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.PRIVATE_USE) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
