package cn.luoshi.org.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password may not be beyond its length and mix: built from a common word (the bundled list, digits and
 * symbols around it left out: Password2026!, Admin@123, 1qaz2wsx, woaini1314), or containing the account's own name
 * (forwards or backwards). Guessers try exactly these first.
 */
public final class PasswordPolicy {

    private static final Set<String> COMMON_WORDS = load("/org/common-password-words.txt");
    private static final int SHORTEST_NAME_CHECKED = 3;

    private PasswordPolicy() {
    }

    /** The message code refusing the password, if it is refused here. */
    public static Optional<String> refusal(String password, String username) {
        if (password == null) {
            return Optional.empty();
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null) {
            String name = username.strip().toLowerCase(Locale.ROOT);
            if (name.length() >= SHORTEST_NAME_CHECKED && (lower.contains(name)
                    || lower.contains(new StringBuilder(name).reverse()))) {
                return Optional.of("org.error.passwordHasName");
            }
        }
        if (COMMON_WORDS.contains(letters(lower))) {
            return Optional.of("org.error.passwordCommon");
        }
        return Optional.empty();
    }

    /** The letters of the password with everything else left out (a digit 0 in p@ssw0rd is left out too). */
    static String letters(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        lower.codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
