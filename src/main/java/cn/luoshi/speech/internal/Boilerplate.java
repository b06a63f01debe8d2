package cn.luoshi.speech.internal;

import java.util.List;

/** Recognises the web page furniture around a speech: site names, sources, share buttons, paywalls, counters. */
final class Boilerplate {

    private static final List<String> SHORT_LINE_WORDS = List.of("分享", "扫码", "二维码", "收藏", "阅读已结束", "预览",
            "阅读时长", "领取福利", "下载", "打印本页", "关闭窗口", "上一篇", "下一篇", "返回顶部", "记住我", "文库", "网友供稿",
            "免费", "登录", "注册", "会员", "版权", "举报", "点赞", "评论", "字号", "浏览次数", "点击数", "阅读次数");
    private static final List<String> SOURCE_PREFIXES = List.of("来源：", "来源:", "作者：", "发布时间", "更新时间", "发布日期",
            "时间：", "编辑：", "责任编辑", "文章来源", "出处：");
    private static final int SHORT_LINE = 40;

    private Boilerplate() {
    }

    static boolean isBoilerplate(String line) {
        if (line.isEmpty()) {
            return false;
        }
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        if (line.length() <= 120 && (lower.contains("www.") || lower.contains("http") || lower.contains(".com")
                || lower.contains(".cn") || lower.contains(".net"))) {
            return true;
        }
        for (String prefix : SOURCE_PREFIXES) {
            if (line.startsWith(prefix)) {
                return true;
            }
        }
        if (line.length() <= 120 && line.contains("作者") && line.contains("时间")) {
            return true;
        }
        if (isBreadcrumb(line)) {
            return true;
        }
        if (line.length() <= SHORT_LINE) {
            for (String word : SHORT_LINE_WORDS) {
                if (line.contains(word)) {
                    return true;
                }
            }
            if (line.matches("共计\\d+个?字.*") || isOnlyDigitsAndSymbols(line)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBreadcrumb(String line) {
        return (line.startsWith("首页") || line.startsWith("当前位置") || line.startsWith("您的位置") || line.startsWith("位置："))
                && (line.contains(">") || line.contains("＞") || line.contains("›") || line.contains("»"));
    }

    /** A counter or an ID ("221381"), or a line of only symbols. */
    private static boolean isOnlyDigitsAndSymbols(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Chars.isCjk(c) || Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }
}
