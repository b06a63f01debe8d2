package cn.luoshi.speech.internal;

/**
 * Searches confined to a range. {@link String#indexOf} and {@link String#lastIndexOf} run to the end (or the
 * start) of the whole text when the word is missing, which makes a loop over a long text quadratic.
 */
final class Texts {

    private Texts() {
    }

    /** The first position in [from, to) where the word starts and ends before {@code to}, or -1. */
    static int indexOf(String text, String word, int from, int to) {
        int last = Math.min(to, text.length()) - word.length();
        for (int i = Math.max(0, from); i <= last; i++) {
            if (text.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(String text, char c, int from, int to) {
        int end = Math.min(to, text.length());
        for (int i = Math.max(0, from); i < end; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The last position in [from, before) where the word starts and ends before {@code before}, or -1. */
    static int lastIndexOf(String text, String word, int from, int before) {
        int floor = Math.max(0, from);
        for (int i = Math.min(before, text.length()) - word.length(); i >= floor; i--) {
            if (text.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    static int lastIndexOf(String text, char c, int from, int before) {
        int floor = Math.max(0, from);
        for (int i = Math.min(before, text.length()) - 1; i >= floor; i--) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
