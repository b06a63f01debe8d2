package cn.luoshi.speech.internal;

/**
 * Counts placeholders: runs of X/x (XX, XXX, 20xx), of * and of underscores, and ○○ — each run once. A run of
 * letters touching other Latin letters is a word (GDP, XXL), not a placeholder.
 */
final class Placeholders {

    private Placeholders() {
    }

    static int count(CharSequence text) {
        int count = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int runEnd = runEnd(text, i, c);
            if (Chars.isPlaceholderLetter(c)) {
                boolean word = (i > 0 && isOtherLetter(text.charAt(i - 1))) || (runEnd < n && isOtherLetter(text.charAt(runEnd)));
                if (!word) {
                    count++;
                }
            } else if (c == '*' || (c == '_' && runEnd - i >= 2) || ((c == '○' || c == '〇') && runEnd - i >= 2 && !numeralNear(text, i, runEnd))) {
                count++;
            }
            i = Math.max(runEnd, i + 1);
        }
        return count;
    }

    static boolean isPlaceholderChar(char c) {
        return Chars.isPlaceholderLetter(c) || c == '*' || c == '_';
    }

    private static int runEnd(CharSequence text, int from, char c) {
        int i = from;
        if (Chars.isPlaceholderLetter(c)) {
            while (i < text.length() && Chars.isPlaceholderLetter(text.charAt(i))) {
                i++;
            }
            return i;
        }
        while (i < text.length() && text.charAt(i) == c) {
            i++;
        }
        return i;
    }

    private static boolean isOtherLetter(char c) {
        return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && !Chars.isPlaceholderLetter(c);
    }

    /** 二〇二五 is a year written in numerals, not a placeholder. */
    private static boolean numeralNear(CharSequence text, int start, int end) {
        return (start > 0 && ChineseNumbers.isDigitChar(text.charAt(start - 1)))
                || (end < text.length() && ChineseNumbers.isDigitChar(text.charAt(end)));
    }
}
