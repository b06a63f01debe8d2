package cn.luoshi.speech;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Hostile and mangled inputs for the extractor, drawn from a {@link Random}: random Unicode, Chinese soup, the seed
 * speeches cut, duplicated, shuffled and sprinkled with markers, digits and punctuation, huge numbers and deeply
 * nested outline markers. Shared by the property tests and the fuzz command, so both try the same kinds of input.
 */
final class SpeechInputs {

    /** The kinds of input, each drawn by its own method. */
    enum Kind {
        UNICODE, SOUP, MUTATED_SEED, HUGE_NUMBER, NESTED_MARKERS
    }

    static final List<String> SEEDS = Speeches.SEEDS.stream().map(Speeches::read).toList();

    static final String[] MARKERS = {"一、", "二、", "十、", "（一）", "（二）", "（十一）", "1.", "2．", "12.", "（1）", "(2)", "①", "②",
            "一是", "二是", "三要", "第一，", "首先，", "其次，", "最后，", "第一部分", "第二个问题", "——", "一、\n", "（一）\n", "1、",
            "（1）\n", "第一章", "第三条", "一）", "1）"};
    static final String[] TOKENS = {".", "．", "、", "%", "％", "‰", "亿", "万", "千", "百", "十", "年", "月", "日", "元", "亿元", "万元",
            "个", "个百分点", "倍", "左右", "以上", "多", "余", "约", "至", "到", "-", "—", "~", "～", ",", "，", "。", "；", "：", "（",
            "）", "“", "”", "《", "》", "……", "X", "XX", "*", "×", "20XX", "二〇二五", "两", "零", "〇", "点", "百分之", "翻一番",
            "三年", "力争", "确保", "到2026年", "截至", "比", "增长", "下降", "第", "前", "居全省", "进入全省前", "平均水平",
            "\n", "\r\n", " ", "\u3000", "\t", "\u200b", "\ufeff", "[bookmark: x]", "預(yù)", "项目", "工程", "高速"};
    static final String SOUP = "一二三四五六七八九十百千万亿零〇两是要、，。；：！？（）()第个问题部分首先其次最后年月日亿万元%％‰"
            + "XX*0123456789.．-—~至到比多少居全省高速项目工程园区力争确保到突破达到翻一番增长下降个百分点以上左右约"
            + "“”《》【】\n\r\t 　";

    private SpeechInputs() {
    }

    /** One input of a kind drawn at random; mostly mutated seeds, which look most like real speeches. */
    static String any(Random random) {
        int roll = random.nextInt(100);
        Kind kind = roll < 45 ? Kind.MUTATED_SEED : roll < 60 ? Kind.SOUP : roll < 75 ? Kind.UNICODE
                : roll < 88 ? Kind.HUGE_NUMBER : Kind.NESTED_MARKERS;
        return of(kind, random);
    }

    static String of(Kind kind, Random random) {
        return switch (kind) {
            case UNICODE -> unicode(random, 1 + random.nextInt(3_000));
            case SOUP -> soup(random, 1 + random.nextInt(5_000));
            case MUTATED_SEED -> mutatedSeed(random);
            case HUGE_NUMBER -> hugeNumber(random);
            case NESTED_MARKERS -> nestedMarkers(random);
        };
    }

    /** Any UTF-16 code units: unpaired surrogates, controls, private use and letters of every script. */
    static String unicode(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int roll = random.nextInt(10);
            if (roll < 3) {
                out.append((char) random.nextInt(0x10000)); // any code unit, lone surrogates included
            } else if (roll < 5) {
                out.appendCodePoint(0x10000 + random.nextInt(0x100000)); // supplementary planes
            } else if (roll < 8) {
                out.append((char) (0x4e00 + random.nextInt(0x5200))); // CJK
            } else {
                out.append((char) random.nextInt(0x80));
            }
        }
        return out.toString();
    }

    /** Characters and words that speeches are made of, in no order. */
    static String soup(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            if (random.nextInt(4) == 0) {
                out.append(TOKENS[random.nextInt(TOKENS.length)]);
            } else {
                out.append(SOUP.charAt(random.nextInt(SOUP.length())));
            }
        }
        return out.toString();
    }

    /** A seed speech with one to five mutations. */
    static String mutatedSeed(Random random) {
        String text = SEEDS.get(random.nextInt(SEEDS.size()));
        int mutations = 1 + random.nextInt(5);
        for (int m = 0; m < mutations; m++) {
            text = mutate(text, random);
        }
        return text;
    }

    static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return soup(random, 1 + random.nextInt(50));
        }
        return switch (random.nextInt(8)) {
            case 0 -> cut(text, random);
            case 1 -> duplicateLines(text, random);
            case 2 -> shuffleLines(text, random);
            case 3 -> insert(text, random, MARKERS, true);
            case 4 -> insert(text, random, TOKENS, false);
            case 5 -> randomDigits(text, random);
            case 6 -> text.substring(0, random.nextInt(text.length() + 1)); // cut off the end
            default -> text.substring(random.nextInt(text.length())); // cut off the start
        };
    }

    /** The part between two random points, which may fall inside a number, a marker or a surrogate pair. */
    private static String cut(String text, Random random) {
        int a = random.nextInt(text.length() + 1);
        int b = random.nextInt(text.length() + 1);
        return text.substring(Math.min(a, b), Math.max(a, b));
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }

    private static String duplicateLines(String text, Random random) {
        List<String> lines = lines(text);
        int copies = 1 + random.nextInt(Math.min(20, lines.size()));
        for (int k = 0; k < copies; k++) {
            int at = random.nextInt(lines.size());
            lines.add(random.nextInt(lines.size() + 1), lines.get(at));
        }
        return String.join("\n", lines);
    }

    private static String shuffleLines(String text, Random random) {
        List<String> lines = lines(text);
        Collections.shuffle(lines, random);
        return String.join(random.nextBoolean() ? "\n" : "\r\n", lines);
    }

    /** Up to 30 pieces, at line starts (markers) or anywhere (tokens). */
    private static String insert(String text, Random random, String[] pieces, boolean atLineStart) {
        StringBuilder out = new StringBuilder(text);
        int count = 1 + random.nextInt(30);
        for (int k = 0; k < count; k++) {
            int at = random.nextInt(out.length() + 1);
            if (atLineStart && random.nextInt(4) != 0) {
                int lineStart = out.lastIndexOf("\n", at - 1);
                at = lineStart < 0 ? 0 : lineStart + 1;
            }
            int repeat = random.nextInt(10) == 0 ? 1 + random.nextInt(50) : 1;
            out.insert(at, pieces[random.nextInt(pieces.length)].repeat(repeat));
        }
        return out.toString();
    }

    /** Every digit, dot and percent sign in a stretch replaced by a random one of them. */
    private static String randomDigits(String text, Random random) {
        char[] chars = text.toCharArray();
        int from = random.nextInt(chars.length);
        int to = Math.min(chars.length, from + 1 + random.nextInt(2_000));
        String replacements = "0123456789..．%％、";
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if ((c >= '0' && c <= '9') || c == '.' || c == '%' || random.nextInt(40) == 0) {
                chars[i] = replacements.charAt(random.nextInt(replacements.length()));
            }
        }
        return new String(chars);
    }

    /** Long numbers of every shape inside a sentence: thousands of digits, many dots, long Chinese numerals. */
    static String hugeNumber(Random random) {
        StringBuilder number = new StringBuilder();
        int digits = 1 + random.nextInt(random.nextBoolean() ? 30 : 5_000);
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int i = 0; i < digits; i++) {
                    number.append((char) ('0' + random.nextInt(10)));
                }
            }
            case 1 -> { // dotted and comma-separated runs: 19.936.943.2, 1,234,567.8.9
                for (int i = 0; i < digits; i++) {
                    number.append((char) ('0' + random.nextInt(10)));
                    int sep = random.nextInt(6);
                    if (sep == 0) {
                        number.append('.');
                    } else if (sep == 1) {
                        number.append(',');
                    } else if (sep == 2) {
                        number.append('．');
                    }
                }
            }
            case 2 -> { // Chinese numerals
                String chinese = "一二三四五六七八九十百千万亿零两点";
                for (int i = 0; i < Math.min(digits, 400); i++) {
                    number.append(chinese.charAt(random.nextInt(chinese.length())));
                }
            }
            case 3 -> number.append("百分之").append("九".repeat(Math.min(digits, 300))).append("点").append("九".repeat(1 + random.nextInt(50)));
            case 4 -> { // ranges and dates
                number.append(random.nextInt(10_000)).append(".").append(random.nextInt(100)).append(".").append(random.nextInt(100));
                number.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(Integer.MAX_VALUE));
            }
            default -> number.append("9".repeat(digits)).append(".").append("9".repeat(1 + random.nextInt(100))).append("e").append(digits);
        }
        String[] units = {"亿元", "万元", "%", "个百分点", "年", "个", "万亿", "千亿级", "倍", "", "多亿元", "万人以上", "年底"};
        String[] before = {"全市地区生产总值达到", "力争到2026年，工业总产值突破", "实现", "比XX多", "居全省第", "增长", "进入全省前", "",
                "2025年，全县完成固定资产投资", "会议于"};
        String sentence = before[random.nextInt(before.length)] + number + units[random.nextInt(units.length)];
        int repeat = Math.max(1, Math.min(1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 3), 40_000 / (sentence.length() + 1)));
        return (sentence + (random.nextBoolean() ? "。" : "，")).repeat(repeat);
    }

    /** Markers nested hundreds deep, on lines of their own or all on one line. */
    static String nestedMarkers(Random random) {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 20 : 1_500);
        StringBuilder out = new StringBuilder();
        String separator = random.nextBoolean() ? "\n" : "";
        for (int d = 0; d < depth; d++) {
            String marker = MARKERS[random.nextInt(MARKERS.length)];
            if (random.nextInt(3) == 0) {
                // the canonical nesting, one level further each time
                marker = switch (d % 5) {
                    case 0 -> "一、";
                    case 1 -> "（一）";
                    case 2 -> "1.";
                    case 3 -> "（1）";
                    default -> "①";
                };
            }
            out.append(marker);
            if (random.nextBoolean()) {
                out.append("加快推进重点项目建设");
                if (random.nextInt(4) == 0) {
                    out.append("，力争全年完成投资").append(random.nextInt(1_000)).append("亿元。");
                }
            }
            out.append(separator);
        }
        return out.toString();
    }
}
