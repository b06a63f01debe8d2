package cn.luoshi.speech.internal;

/**
 * Recognises outline markers at a given position. Every check looks at a handful of characters, so scanning a
 * text is linear in its length.
 */
final class MarkerScanner {

    static final String SEQUENCE = "首先";
    private static final String[] ORDINAL_SUFFIXES = {"个问题", "个方面", "部分", "方面", "章", "篇"};
    private static final String[] SEQUENCE_WORDS = {"首先", "其次", "再次", "然后", "最后"};
    private static final int[] SEQUENCE_NUMBERS = {1, 2, 3, 4, 99};

    private MarkerScanner() {
    }

    /**
     * The marker starting at {@code pos}, or null.
     *
     * @param afterBoundary whether {@code pos} starts a paragraph or follows the end of a sentence; block markers
     *                      (一、, （一）, 1、 …) are only recognised there
     */
    static Marker markerAt(CharSequence s, int pos, boolean afterBoundary) {
        if (pos >= s.length()) {
            return null;
        }
        if (afterBoundary) {
            Marker block = blockMarkerAt(s, pos);
            if (block != null) {
                return block;
            }
        }
        return inlineMarkerAt(s, pos);
    }

    static Marker blockMarkerAt(CharSequence s, int pos) {
        char c = s.charAt(pos);
        if (c == '（') {
            return parenthesised(s, pos);
        }
        if (c == '第') {
            return ordinal(s, pos);
        }
        if (c >= '\u2460' && c <= '\u2473') {
            return new Marker("①", c - '\u2460' + 1, false, pos, pos + 1, String.valueOf(c));
        }
        if (Chars.isDigit(c)) {
            return arabic(s, pos);
        }
        int numeralEnd = numeralEnd(s, pos);
        if (numeralEnd > pos && numeralEnd < s.length()) {
            char after = s.charAt(numeralEnd);
            if (after == '、' || (after == '.' && !nextIsDigit(s, numeralEnd + 1))) {
                return new Marker("一、", ChineseNumbers.smallNumber(s, pos, numeralEnd), false, pos, numeralEnd + 1,
                        s.subSequence(pos, numeralEnd + 1).toString());
            }
        }
        return null;
    }

    /** 一是 / 一要 / 首先: may stand at the start of a paragraph or after a clause. */
    static Marker inlineMarkerAt(CharSequence s, int pos) {
        if (pos > 0 && !isInlineBoundary(s.charAt(pos - 1))) {
            return null;
        }
        int numeralEnd = numeralEnd(s, pos);
        if (numeralEnd > pos && numeralEnd - pos <= 2 && numeralEnd < s.length()) {
            char verb = s.charAt(numeralEnd);
            if (verb == '是' || verb == '要') {
                int number = ChineseNumbers.smallNumber(s, pos, numeralEnd);
                if (number > 0 && !continuesAsWord(s, numeralEnd + 1, verb)) {
                    return new Marker("一" + verb, number, true, pos, numeralEnd + 1,
                            s.subSequence(pos, numeralEnd + 1).toString());
                }
            }
        }
        for (int i = 0; i < SEQUENCE_WORDS.length; i++) {
            String word = SEQUENCE_WORDS[i];
            if (startsWith(s, pos, word) && pos + 2 < s.length()) {
                char after = s.charAt(pos + 2);
                if (after == '，' || after == '：' || after == '、' || after == '要' || after == '我') {
                    return new Marker(SEQUENCE, SEQUENCE_NUMBERS[i], true, pos, pos + 2, word);
                }
            }
        }
        return null;
    }

    static boolean isInlineBoundary(char c) {
        return c == '\n' || c == '。' || c == '！' || c == '？' || c == '；' || c == '：' || c == '，';
    }

    static boolean isSentenceBoundary(char c) {
        return c == '\n' || c == '。' || c == '！' || c == '？' || c == '；' || c == '：';
    }

    private static boolean continuesAsWord(CharSequence s, int pos, char verb) {
        // "一是一，二是二" and "一要素" are not enumerations
        if (pos >= s.length()) {
            return true;
        }
        char next = s.charAt(pos);
        if (verb == '要') {
            return next == '素' || next == '求' || next == '点' || next == '件' || next == '害' || next == '闻';
        }
        return next == '，' || next == '。';
    }

    private static Marker parenthesised(CharSequence s, int pos) {
        int inner = pos + 1;
        int numeralEnd = numeralEnd(s, inner);
        if (numeralEnd > inner && numeralEnd < s.length() && s.charAt(numeralEnd) == '）') {
            return new Marker("（一）", ChineseNumbers.smallNumber(s, inner, numeralEnd), false, pos, numeralEnd + 1,
                    s.subSequence(pos, numeralEnd + 1).toString());
        }
        int digitsEnd = digitsEnd(s, inner);
        if (digitsEnd > inner && digitsEnd - inner <= 2 && digitsEnd < s.length() && s.charAt(digitsEnd) == '）') {
            return new Marker("（1）", Integer.parseInt(s.subSequence(inner, digitsEnd).toString()), false, pos,
                    digitsEnd + 1, s.subSequence(pos, digitsEnd + 1).toString());
        }
        return null;
    }

    private static Marker ordinal(CharSequence s, int pos) {
        int inner = pos + 1;
        int numeralEnd = numeralEnd(s, inner);
        if (numeralEnd == inner || numeralEnd >= s.length()) {
            return null;
        }
        int number = ChineseNumbers.smallNumber(s, inner, numeralEnd);
        for (String suffix : ORDINAL_SUFFIXES) {
            if (startsWith(s, numeralEnd, suffix)) {
                int end = numeralEnd + suffix.length();
                return new Marker("第" + suffix, number, false, pos, end, s.subSequence(pos, end).toString());
            }
        }
        char after = s.charAt(numeralEnd);
        if (after == '，' || after == '、' || after == '：') {
            return new Marker("第，", number, false, pos, numeralEnd, s.subSequence(pos, numeralEnd).toString());
        }
        return null;
    }

    private static Marker arabic(CharSequence s, int pos) {
        int digitsEnd = digitsEnd(s, pos);
        if (digitsEnd - pos > 2 || digitsEnd >= s.length()) {
            return null;
        }
        char after = s.charAt(digitsEnd);
        boolean dot = after == '.' && !nextIsDigit(s, digitsEnd + 1) && !startsWith(s, digitsEnd + 1, "%");
        if (after != '、' && !dot) {
            return null;
        }
        int number = Integer.parseInt(s.subSequence(pos, digitsEnd).toString());
        if (number == 0 || number > 50) {
            return null;
        }
        return new Marker("1、", number, false, pos, digitsEnd + 1, s.subSequence(pos, digitsEnd + 1).toString());
    }

    /** End of a run of up to three Chinese numeral characters (一 … 十) starting at pos. */
    static int numeralEnd(CharSequence s, int pos) {
        int i = pos;
        while (i < s.length() && i - pos < 3 && "一二三四五六七八九十".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int digitsEnd(CharSequence s, int pos) {
        int i = pos;
        while (i < s.length() && i - pos < 4 && Chars.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean nextIsDigit(CharSequence s, int pos) {
        return pos < s.length() && Chars.isDigit(s.charAt(pos));
    }

    static boolean startsWith(CharSequence s, int pos, String word) {
        if (pos < 0 || pos + word.length() > s.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (s.charAt(pos + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
