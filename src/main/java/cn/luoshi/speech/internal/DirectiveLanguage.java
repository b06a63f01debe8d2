package cn.luoshi.speech.internal;

import java.util.List;

/**
 * Tells deployed items from narration. A sentence deploys work when it carries a modal (要, 必须, 力争, 确保 …)
 * or opens with an action verb (加快推进…, 坚持…, 大力发展…); it narrates when it reports completed work (了, 已)
 * without a modal.
 */
final class DirectiveLanguage {

    private static final List<String> MODALS = List.of("必须", "务必", "应当", "应该", "需要", "力争", "确保", "争取", "一定要",
            "亟需", "亟须", "可以", "可在");
    private static final List<String> ACTION_VERBS = List.of("加快", "推进", "推动", "加强", "实施", "打造", "建设", "建成", "强化",
            "深化", "完善", "提升", "提高", "抓好", "抓紧", "抓住", "坚持", "坚决", "落实", "构建", "培育", "优化", "扩大", "促进", "开展",
            "健全", "建立", "做好", "做大", "做强", "发挥", "引导", "鼓励", "支持", "启动", "统筹", "聚焦", "围绕", "突出", "大力", "积极",
            "全力", "持续", "扎实", "进一步", "努力", "创建", "争创", "守牢", "防范", "严格", "全面", "深入", "加大", "狠抓",
            "重点推进", "重点抓好", "重点实施", "重点发展", "重点建设", "重点提升", "重点打造", "新建", "新增", "新培育",
            "着力", "切实", "壮大", "坚定", "吸引", "实行", "集中力量", "集中精力", "集中资源",
            "树立", "弘扬", "巩固", "拓展", "拓宽", "谋划", "探索", "用好", "建强", "布局", "对接", "抢抓", "紧盯", "瞄准", "对标", "加速",
            "主动", "牢固", "注重", "规范", "整合", "引进", "组织", "推行", "倡导", "搭建", "强力", "全速", "精心", "迅速", "尽快", "全方位",
            "以", "把", "将", "抓", "建", "办好", "跟进", "提供", "营造", "保持", "提振", "激发", "防止", "杜绝", "打好", "打赢", "夯实");
    private static final List<String> COMPLETED = List.of("已经", "已", "荣获", "获评", "被评为", "被誉为", "曾经", "先后");
    private static final List<String> NOT_COMPLETED_LE = List.of("为了", "了解", "除了", "了不起", "不了", "明了", "了如指掌", "了结",
            "罢了", "了然");
    private static final List<String> CLOSINGS = List.of("谢谢", "感谢", "祝", "致以", "问候", "敬意", "同志们，", "同志们：");
    private static final List<String> META = List.of("这次会议", "本次会议", "今天的会议", "今天召开", "这次来", "下面，", "我讲",
            "我就讲", "刚才", "具体而言", "总之");
    /** Acknowledging rather than deploying: "我们也要看到…", "要充分肯定…", "要归功于…". */
    private static final List<String> ACKNOWLEDGING = List.of("看到", "认识到", "肯定", "归功于", "可以说");
    private static final int VERB_REACH = 12;
    /** "同时，", "在新型工业化方面，": a short opening clause before the action. */
    private static final int OPENING_CLAUSE = 10;
    /**
     * "按照“西融、北接、东连”的思路，大力推进…", "在距离机场最近的还地桥镇布局建设…": a sentence that opens by framing
     * the work (a plan to follow, a place) may put its action further in; the frame ends at the first comma or the
     * action, within this reach.
     */
    private static final List<String> FRAMES = List.of("按照", "根据", "依据", "遵循", "在");
    private static final int FRAME_REACH = 30;

    private DirectiveLanguage() {
    }

    static boolean isDeployment(String sentence) {
        return isDeployment(sentence, sentence);
    }

    /** @param whole the full sentence, for closings and meeting talk; {@code sentence} may lack its list marker */
    static boolean isDeployment(String sentence, String whole) {
        if (sentence.length() < 8 || sentence.endsWith("？") || sentence.endsWith("：") || isClosing(whole)
                || startsWithAny(whole, META) || startsWithAny(sentence, META) || containsAny(whole, ACKNOWLEDGING)) {
            return false;
        }
        boolean modal = hasModal(sentence);
        if (!modal && narratesCompletedWork(sentence)) {
            return false;
        }
        return modal || opensWithAction(sentence);
    }

    static boolean hasModal(String s) {
        for (String modal : MODALS) {
            int index = s.indexOf(modal);
            if (index >= 0 && !followedBy(s, index + modal.length(), '了') && !followedBy(s, index + modal.length(), '说')
                    && !(modal.equals("可以") && (s.startsWith("实现", index + 2) || s.startsWith("看", index + 2)))) {
                return true;
            }
        }
        return hasModalYao(s) || hasModalYing(s);
    }

    /** 要 as "must", not inside 主要, 重要, 要素, 纲要 …. */
    private static boolean hasModalYao(String s) {
        for (int i = s.indexOf('要'); i >= 0; i = s.indexOf('要', i + 1)) {
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            if ("主重纲摘只必首紧显概简需扼提".indexOf(before) < 0 && "素点害闻件略旨求".indexOf(after) < 0) {
                return true;
            }
        }
        return false;
    }

    /** 应 as "should", not inside 应对, 适应, 供应, 效应 …. */
    private static boolean hasModalYing(String s) {
        for (int i = s.indexOf('应'); i >= 0; i = s.indexOf('应', i + 1)) {
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            if ("响适供反相效对呼感理答".indexOf(before) < 0 && "对用急有运变邀聘届激".indexOf(after) < 0) {
                return true;
            }
        }
        return false;
    }

    static boolean narratesCompletedWork(String s) {
        for (String word : COMPLETED) {
            if (s.contains(word)) {
                return true;
            }
        }
        for (int i = s.indexOf('了'); i >= 0; i = s.indexOf('了', i + 1)) {
            boolean idiom = false;
            for (String word : NOT_COMPLETED_LE) {
                int offset = word.indexOf('了');
                if (MarkerScanner.startsWith(s, i - offset, word)) {
                    idiom = true;
                    break;
                }
            }
            if (!idiom) {
                return true;
            }
        }
        return false;
    }

    private static boolean opensWithAction(String s) {
        if (startsWithAny(s, FRAMES)) {
            int comma = Texts.indexOf(s, '，', 0, FRAME_REACH + 1);
            // the action follows the frame's comma, or stands inside the frame's clause itself
            return comma >= 0 ? actionWithin(s, comma + 1) || actionInClause(s, comma) : actionInClause(s, FRAME_REACH);
        }
        if (actionWithin(s, 0)) {
            return true;
        }
        int comma = Texts.indexOf(s, '，', 0, OPENING_CLAUSE + 1);
        // "同时，加快…", "建成节点，始终…": the action may follow a short opening clause
        return comma >= 0 && comma <= OPENING_CLAUSE && actionWithin(s, comma + 1);
    }

    /**
     * "在还地桥镇布局建设临空产业区，": the frame's own clause holds the action, unless the clause is a circumstance
     * (在…的共同努力下，在推进…中，在…方面): then its verbs describe the setting, not the work asked.
     */
    private static boolean actionInClause(String s, int end) {
        int last = Math.min(end, s.length()) - 1;
        while (last > 0 && "。；！".indexOf(s.charAt(last)) >= 0) {
            last--;
        }
        if (last <= 0 || "下中时后上里前间面".indexOf(s.charAt(last)) >= 0) {
            return false;
        }
        return actionBefore(s, end);
    }

    /** An action verb between the frame word and {@code end}, not in the progressive (正在推进). */
    private static boolean actionBefore(String s, int end) {
        int limit = Math.min(end, s.length());
        for (String verb : ACTION_VERBS) {
            if (verb.length() < 2) {
                continue;
            }
            for (int index = s.indexOf(verb, 1); index >= 0 && index + verb.length() <= limit;
                    index = s.indexOf(verb, index + 1)) {
                char before = s.charAt(index - 1);
                if (before != '在' && before != '于') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean actionWithin(String s, int from) {
        int reach = Math.min(s.length(), from + VERB_REACH);
        for (String verb : ACTION_VERBS) {
            int index = Texts.indexOf(s, verb, from, reach + verb.length());
            boolean progressive = index > 0 && (s.charAt(index - 1) == '在' || s.charAt(index - 1) == '于');
            if (index >= 0 && index < reach && (verb.length() > 1 || index == from) && !progressive) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClosing(String s) {
        for (String word : CLOSINGS) {
            if (s.startsWith(word) || (s.contains(word) && word.length() > 1 && !word.startsWith("同志"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String s, List<String> words) {
        for (String word : words) {
            if (s.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String s, List<String> words) {
        for (String word : words) {
            if (s.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedBy(String s, int index, char c) {
        return index < s.length() && s.charAt(index) == c;
    }
}
