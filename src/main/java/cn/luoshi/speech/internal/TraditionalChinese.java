package cn.luoshi.speech.internal;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.BitSet;

import com.hankcs.hanlp.HanLP;

/**
 * Converts Traditional characters to Simplified ones, one for one, so offsets stay valid.
 *
 * <p>Only characters outside GB2312 count as Traditional: a Simplified text is then never touched (著, 乾 and
 * friends are valid Simplified characters), and HanLP, whose dictionary loads slowly, is only consulted for text
 * that really contains Traditional characters.
 */
final class TraditionalChinese {

    private static final BitSet SIMPLIFIED = simplifiedCharacters();

    private TraditionalChinese() {
    }

    static boolean containsTraditional(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isTraditional(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isTraditional(char c) {
        return c >= '\u4e00' && c <= '\u9fff' && !SIMPLIFIED.get(c - '\u4e00');
    }

    /** Converts the text in place when it contains Traditional characters. */
    static void simplify(MappedText line) {
        String text = line.toString();
        if (!containsTraditional(text)) {
            return;
        }
        String converted = convert(text);
        if (sameShape(text, converted)) {
            line.replaceAll(converted);
            return;
        }
        // A phrase mapping changed the length, or a character outside the BMP became one inside it and another the
        // other way round (𥢢 → 䅪, 䍽 → 𦍠): fall back to single characters so offsets stay one for one.
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isTraditional(c)) {
                String one = convert(String.valueOf(c));
                if (one.length() == 1) {
                    line.setChar(i, one.charAt(0));
                }
            }
        }
    }

    /** The same length with surrogates where they were: the conversion kept every character in its place. */
    private static boolean sameShape(String text, String converted) {
        if (converted.length() != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i)) != Character.isSurrogate(converted.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String convert(String text) {
        try {
            return HanLP.convertToSimplifiedChinese(text);
        } catch (RuntimeException | LinkageError e) {
            return text; // without the dictionary the text stays as it is
        }
    }

    private static BitSet simplifiedCharacters() {
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        BitSet set = new BitSet(0x9fff - 0x4e00 + 1);
        for (char c = '\u4e00'; c <= '\u9fff'; c++) {
            if (gb2312.canEncode(c)) {
                set.set(c - '\u4e00');
            }
        }
        return set;
    }
}
