package cn.luoshi.speech.internal;

import java.util.List;

/** Reads the occasion and the speaker's office from a title such as "市委书记在都市圈建设重点工作推进会上的讲话". */
final class TitleParser {

    private static final List<String> ROLE_WORDS = List.of("书记", "市长", "区长", "县长", "省长", "州长", "镇长", "乡长", "主任",
            "部长", "局长", "厅长", "主席", "常委", "秘书长", "组长", "院长", "校长", "董事长", "总经理", "委员", "负责人", "领导");
    private static final List<String> SPEECH_WORDS = List.of("上的讲话", "上的发言", "上的致辞", "上的讲稿", "上的总结讲话",
            "上的主持词", "上的报告", "上的动员讲话", "上讲话", "上发言", "上致辞");

    private TitleParser() {
    }

    record TitleInfo(String title, String occasion, String speakerRole) {
    }

    static TitleInfo parse(String title, String subtitle) {
        if (title == null) {
            return new TitleInfo(null, null, null);
        }
        String source = subtitle != null && subtitle.contains("在") ? subtitle : title;
        source = stripTrailingParenthesis(source);
        int at = source.indexOf('在');
        int end = speechWordAt(source);
        if (end < 0 && source.endsWith("上")) {
            end = source.length() - 1; // "——2026年1月12日在…会议上"
        }
        if (at < 0 || end <= at + 1) {
            return new TitleInfo(title, null, null);
        }
        String occasion = source.substring(at + 1, end);
        return new TitleInfo(title, occasion.isEmpty() ? null : occasion, role(source.substring(0, at)));
    }

    private static int speechWordAt(String source) {
        for (String word : SPEECH_WORDS) {
            int index = source.lastIndexOf(word);
            if (index > 0) {
                return index;
            }
        }
        return -1;
    }

    /** The office in front of "在": "市委书记", or "市长" from "XXX市长"; names and placeholders are dropped. */
    private static String role(String speaker) {
        int roleEnd = -1;
        for (String word : ROLE_WORDS) {
            int index = speaker.lastIndexOf(word);
            if (index >= 0) {
                roleEnd = Math.max(roleEnd, index + word.length());
            }
        }
        if (roleEnd < 0) {
            return null;
        }
        String role = speaker.substring(0, roleEnd);
        int start = 0;
        while (start < role.length() && (Chars.isPlaceholderLetter(role.charAt(start)) || role.charAt(start) == '*')) {
            start++;
        }
        role = role.substring(start);
        return role.isEmpty() ? null : role;
    }

    private static String stripTrailingParenthesis(String text) {
        if (text.endsWith("）")) {
            int open = text.lastIndexOf('（');
            if (open > 0) {
                return text.substring(0, open);
            }
        }
        return text;
    }
}
