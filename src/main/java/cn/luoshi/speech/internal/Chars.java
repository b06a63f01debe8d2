package cn.luoshi.speech.internal;

/** Character classes used throughout the extraction. */
final class Chars {

    private Chars() {
    }

    static boolean isCjk(char c) {
        return (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3400' && c <= '\u4dbf') || (c >= '\uf900' && c <= '\ufaff');
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Ends a sentence: 。！？ and the ellipsis. */
    static boolean isSentenceEnd(char c) {
        return c == '。' || c == '！' || c == '？' || c == '…';
    }

    /** Ends a sentence or a list item. */
    static boolean isItemEnd(char c) {
        return isSentenceEnd(c) || c == '；';
    }

    /** Ends a clause inside a sentence. */
    static boolean isClauseEnd(char c) {
        return isItemEnd(c) || c == '，' || c == '：';
    }

    static boolean isClosingPunctuation(char c) {
        return "。，、；：！？）”’》」』】…".indexOf(c) >= 0;
    }

    static boolean isPunctuation(char c) {
        return "。，、；：！？（）“”‘’《》「」『』【】…—·▪•-".indexOf(c) >= 0;
    }

    static boolean isPlaceholderLetter(char c) {
        return c == 'X' || c == 'x' || c == '×';
    }
}
