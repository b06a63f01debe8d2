package cn.luoshi.speech.internal;

import java.util.List;

/**
 * Turns the words in front of a number into an indicator name: "2025年，XX市完成地区生产总值" → 地区生产总值,
 * "第一产业实现增加值" → 第一产业增加值, "大中型企业拥有专业技术人员" → 大中型企业专业技术人员.
 */
final class IndicatorNames {

    private static final List<String> LEADING = List.of("截至目前", "近年来", "全市上下", "全区上下", "今年", "去年", "全年",
            "上半年", "下半年", "前三季度", "一季度", "目前", "现已", "现有", "其中", "同时", "此外", "另外", "特别是", "累计", "共有", "拥有", "共",
            "全市", "全区", "全县", "全省", "全国", "我市", "我区", "我县", "我省", "本市", "本区", "力争", "确保", "争取", "努力",
            "全力", "成功", "培育", "实现", "完成", "拥有", "共有", "使", "让", "推动", "预计", "计划", "建成投产", "建成", "引进", "发生", "年内", "包括", "年底", "年末", "还",
            "再", "也", "将", "要", "并", "且", "和", "的", "已", "现", "达");
    private static final List<String> TRAILING = List.of("首次突破", "首次迈上", "首次", "累计达到", "累计达", "增长到", "增长至",
            "提高到", "提高至", "提升到", "提升至", "保持在", "稳定在", "控制在", "达到了", "将达到", "分别为", "同比增长", "比上年增长",
            "达到", "突破", "超过", "实现", "完成", "累计", "共计", "合计", "总计", "增至", "已达", "高达", "只有", "分别", "共有", "拥有",
            "现有", "增长", "增加", "提高", "提升", "约为", "为", "达", "是", "有", "约", "近", "超", "逾", "已", "将", "仅", "过", "均",
            "了", "共", "在", "占比", "首批", "建成", "包括", "和", "与", "及");
    private static final List<String> VERBS = List.of("完成", "实现", "拥有", "共有", "现有", "培育", "建成");
    /** Verbs after which the counted thing follows the number: "组织实施12个节能减排项目". */
    static final List<String> COUNT_VERBS = List.of("组织实施", "实施", "建成", "引进", "培育", "新增", "拥有", "有", "完成", "落户",
            "开工", "签约", "打造", "建设", "新建", "招引", "首批", "累计", "共", "启动", "谋划", "储备", "推进", "办好", "建好");
    private static final List<String> ABSTRACT_NOUNS = List.of("方面", "问题", "关键", "环节", "领域", "重点", "目标", "任务",
            "措施", "原则", "要求", "机制", "体系", "战役", "战略", "样板", "转变", "方向", "步", "层次", "维护", "确立");
    private static final int MAX_LENGTH = 30;

    private IndicatorNames() {
    }

    static String clean(String raw) {
        String s = trimPunctuation(raw.length() > 2 * MAX_LENGTH ? raw.substring(raw.length() - 2 * MAX_LENGTH) : raw);
        int comma = Math.max(s.lastIndexOf('，'), s.lastIndexOf('：'));
        if (comma >= 0) {
            s = trimPunctuation(s.substring(comma + 1));
        }
        s = stripTrailing(stripLeading(s));
        for (String verb : VERBS) {
            int at = s.indexOf(verb);
            if (at > 0 && at + verb.length() < s.length() && s.charAt(at + verb.length()) != '区') {
                String subject = stripTrailing(s.substring(0, at));
                String object = s.substring(at + verb.length());
                s = isPlaceSubject(subject) || !isNounSubject(subject) ? object : subject + object;
                break;
            }
        }
        s = stripTrailing(stripLeading(s));
        if (s.endsWith("的") || s.length() > MAX_LENGTH || !hasCjkOrLetters(s)) {
            return "";
        }
        return s;
    }

    /** Whether a subject names a place ("XX市", "全区", "X") rather than part of the indicator ("第一产业"). */
    static boolean isPlaceSubject(String subject) {
        String s = subject;
        if (s.isEmpty()) {
            return true;
        }
        int i = 0;
        while (i < s.length() && Placeholders.isPlaceholderChar(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return true;
        }
        char last = s.charAt(s.length() - 1);
        return s.length() <= 4 && "市区县省州镇乡".indexOf(last) >= 0;
    }

    /** "第一产业", "大中型企业": a short subject that belongs to the indicator, unlike "规划2025年" or "特别是X新港已". */
    private static boolean isNounSubject(String subject) {
        if (subject.length() < 2 || subject.length() > 8) {
            return false;
        }
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (Chars.isDigit(c) || Placeholders.isPlaceholderChar(c) || "的在是了已将还再也都规划计预".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    static String stripLeading(String s) {
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            String before = s;
            s = stripYear(s);
            s = stripPlaceholderSubject(s);
            for (String word : LEADING) {
                if (s.startsWith(word)) {
                    s = s.substring(word.length());
                    break;
                }
            }
            s = trimPunctuation(s);
            changed = !s.equals(before);
        }
        return s;
    }

    private static String stripTrailing(String s) {
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            for (String word : TRAILING) {
                if (s.endsWith(word)) {
                    s = s.substring(0, s.length() - word.length());
                    changed = true;
                    break;
                }
            }
            String trimmed = trimPunctuation(s);
            changed |= !trimmed.equals(s);
            s = trimmed;
        }
        return s;
    }

    /** "2025年", "2025年上半年", "到2026年", "到2026年底". */
    private static String stripYear(String s) {
        int i = 0;
        if (s.startsWith("到") || s.startsWith("至") || s.startsWith("在") || s.startsWith("于")) {
            i = 1;
        }
        int j = i;
        while (j < s.length() && j - i < 4 && (Chars.isDigit(s.charAt(j)) || Chars.isPlaceholderLetter(s.charAt(j)))) {
            j++;
        }
        if (j - i == 4 && j < s.length() && s.charAt(j) == '年') {
            j++;
            for (String suffix : List.of("上半年", "下半年", "前三季度", "一季度", "年底", "年末", "底", "末", "全年")) {
                if (s.startsWith(suffix, j)) {
                    j += suffix.length();
                    break;
                }
            }
            return s.substring(j);
        }
        return s;
    }

    /** "XX市", "X", "*市" at the start stand for the city speaking. */
    private static String stripPlaceholderSubject(String s) {
        int i = 0;
        while (i < s.length() && Placeholders.isPlaceholderChar(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i == s.length()) {
            return s;
        }
        if ("市区县省".indexOf(s.charAt(i)) >= 0 && i + 1 < s.length()) {
            i++;
        }
        return s.substring(i);
    }

    static String trimPunctuation(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isTrimmable(s.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmable(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isTrimmable(char c) {
        return "，、；：。！？“”（）《》 —-".indexOf(c) >= 0;
    }

    private static boolean hasCjkOrLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Chars.isCjk(c) || (Character.isLetter(c) && !Chars.isPlaceholderLetter(c))) {
                return true;
            }
        }
        return false;
    }

    /** The thing counted after a number ("5所院校迁入…" → 院校), up to its verb. */
    static String nounAfter(String text, int from, int to) {
        int i = from;
        if (i < to && text.charAt(i) == '的') {
            i++;
        }
        int start = i;
        while (i < to && i - start < 20) {
            char c = text.charAt(i);
            if (Chars.isClauseEnd(c) || c == '、' || Chars.isDigit(c) || Placeholders.isPlaceholderChar(c) || startsVerb(text, i)) {
                break;
            }
            i++;
        }
        String noun = stripTrailing(trimPunctuation(text.substring(start, i)));
        for (String word : ABSTRACT_NOUNS) {
            if (noun.startsWith(word)) {
                return "";
            }
        }
        return noun.length() >= 2 && noun.length() <= 16 && noun.indexOf('级') < 0 ? noun : "";
    }

    private static final List<String> NOUN_ENDS = List.of("诞生", "落户", "落地", "实现", "完成", "建成", "进入", "达到", "迁入",
            "入驻", "入选", "获得", "获评", "被", "在", "是", "为", "有", "已", "全面", "顺利", "陆续", "正在", "将", "等", "，");

    private static boolean startsVerb(String text, int i) {
        for (String word : NOUN_ENDS) {
            if (MarkerScanner.startsWith(text, i, word)) {
                return true;
            }
        }
        return false;
    }
}
