package cn.luoshi.speech.internal;

import cn.luoshi.common.text.FullWidth;

/**
 * Cleans one line of the original input character by character: drops control characters, zero-width marks,
 * bookmark tags and spaces between Chinese characters; turns full-width letters and digits into ASCII and
 * half-width punctuation into its Chinese form; converts Traditional characters. Every character kept remembers
 * its offset in the original.
 */
final class LineCleaner {

    private static final String BOOKMARK = "[bookmark:";

    private LineCleaner() {
    }

    static MappedText clean(String original, int from, int to) {
        MappedText out = new MappedText(to - from);
        boolean pendingSpace = false;
        int spaceOrigin = -1;
        boolean quoteOpen = false;
        for (int i = from; i < to; i++) {
            char c = original.charAt(i);
            if (c == '[' && original.startsWith(BOOKMARK, i)) {
                int close = original.indexOf(']', i);
                if (close > 0 && close < to && close - i < 80) {
                    i = close;
                    continue;
                }
            }
            if (isSpace(c)) {
                if (!pendingSpace) {
                    spaceOrigin = i;
                }
                pendingSpace = true;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(original.charAt(i + 1))) {
                    out.append(c, i);
                    out.append(original.charAt(i + 1), i + 1);
                    i++;
                }
                pendingSpace = false;
                continue;
            }
            if (isInvisible(c)) {
                continue;
            }
            c = FullWidth.toAscii(c);
            char next = i + 1 < to ? FullWidth.toAscii(original.charAt(i + 1)) : '\0';
            char prev = out.lastChar();
            c = chinesePunctuation(c, prev, next);
            if (c == '"') {
                c = quoteOpen ? '”' : '“';
                quoteOpen = !quoteOpen;
            } else if (c == '“') {
                quoteOpen = true;
            } else if (c == '”') {
                quoteOpen = false;
            }
            if (pendingSpace && Chars.isAsciiAlnum(prev) && Chars.isAsciiAlnum(c)) {
                out.append(' ', spaceOrigin);
            }
            pendingSpace = false;
            out.append(c, i);
        }
        TraditionalChinese.simplify(out);
        return out;
    }

    /** Half-width punctuation between Chinese text becomes Chinese; inside numbers (1,234 or 10:30) it stays. */
    private static char chinesePunctuation(char c, char prev, char next) {
        boolean betweenDigits = Chars.isDigit(prev) && Chars.isDigit(next);
        return switch (c) {
            case ',' -> betweenDigits ? ',' : '，';
            case ':' -> betweenDigits ? ':' : '：';
            case ';' -> '；';
            case '?' -> '？';
            case '!' -> '！';
            case '(' -> '（';
            case ')' -> '）';
            case '～' -> '~';
            default -> c;
        };
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0' || c == '\u202f' || c == '\u205f'
                || (c >= '\u2000' && c <= '\u200a') || c == '\u000b' || c == '\u000c';
    }

    private static boolean isInvisible(char c) {
        return c < 0x20 || c == 0x7f || (c >= '\u200b' && c <= '\u200f') || c == '\ufeff' || c == '\ufffd'
                || (c >= '\u0080' && c < '\u00a0') || (c >= '\u2028' && c <= '\u202e') || (c >= '\u2060' && c <= '\u206f');
    }
}
