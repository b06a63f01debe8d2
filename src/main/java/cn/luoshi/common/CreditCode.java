package cn.luoshi.common;

import java.util.Locale;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet, the last a check character computed from
 * the first seventeen with fixed weights, modulo 31.
 */
public record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid unified social credit code: " + value);
        }
    }

    /** Accepts lower case and surrounding blanks, as people type them. */
    public static CreditCode parse(String text) {
        return new CreditCode(normalise(text));
    }

    public static String normalise(String text) {
        return text == null ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character for the first seventeen characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** Completes seventeen characters into a valid code (demo and test data). */
    public static CreditCode complete(String first17) {
        return new CreditCode(first17 + checkCharacter(first17));
    }

    @Override
    public String toString() {
        return value;
    }
}
