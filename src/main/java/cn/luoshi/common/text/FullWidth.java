package cn.luoshi.common.text;

/**
 * Full-width forms (ＡＢＣ１２３，％) as Chinese input methods type them, read as their ASCII letters, digits and
 * signs. The one mapping every reader of numbers, periods and speech text uses; what each then does with spaces,
 * dashes or punctuation is its own rule.
 */
public final class FullWidth {

    private FullWidth() {
    }

    /** The ASCII character for a full-width one (U+FF01–U+FF5E); any other character unchanged. */
    public static char toAscii(char c) {
        return c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
    }
}
