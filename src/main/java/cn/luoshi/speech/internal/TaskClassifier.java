package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.List;

import cn.luoshi.speech.SpeechTask;

/**
 * Picks the deployed items: sentences (or ；-separated items) that deploy work, outside the sections that review
 * the past or list problems. A heading is a task only when nothing stands under it, so "（一）强化政治引领。"
 * gives its path to the sentences below instead.
 */
final class TaskClassifier {

    static final int MAX_TASKS = 20_000;
    private static final int LONG_HEADING = 24;
    private static final List<String> REVIEW_WORDS = List.of("回顾", "总结", "成绩", "成效", "存在问题", "存在的问题", "问题和不足",
            "不足", "差距", "短板", "主要问题", "成就");
    private static final List<String> DEPLOYMENT_WORDS = List.of("部署", "安排", "任务", "打算", "下一步", "思路", "目标", "措施",
            "重点", "要求", "建议");

    private TaskClassifier() {
    }

    static List<SpeechTask> classify(SpeechText speech, Section outline, Budget budget) {
        String text = speech.text();
        List<SpeechTask> tasks = new ArrayList<>();
        for (Span paragraph : speech.paragraphs()) {
            for (Span item : Sentences.items(text, paragraph)) {
                if (budget.exhausted() || tasks.size() >= MAX_TASKS) {
                    return tasks;
                }
                Section section = outline.innermostAt(item.start());
                Section headed = headingWithin(outline, item);
                String sentence = text.substring(item.start(), item.end());
                if (headed != null) {
                    // a heading gives its path to the sentences below it, unless it is itself a long instruction
                    if (hasBody(text, headed, item) && headed.heading.length() <= LONG_HEADING) {
                        continue;
                    }
                    section = headed;
                }
                if (isReview(section)) {
                    continue;
                }
                if (DirectiveLanguage.isDeployment(withoutMarker(sentence, headed), sentence)) {
                    tasks.add(new SpeechTask(sentence, section.path(), speech.originalStart(item.start()),
                            speech.originalEnd(item.end())));
                }
            }
        }
        return tasks;
    }

    /** The innermost section whose marker stands inside the item, if any. */
    private static Section headingWithin(Section outline, Span item) {
        for (Section s = outline.innermostAt(item.end() - 1); !s.isRoot(); s = s.parent) {
            if (item.contains(s.start())) {
                return s;
            }
            if (s.start() < item.start()) {
                return null;
            }
        }
        return null;
    }

    /** Whether text stands under the heading beyond this item, before its first sub-heading. */
    private static boolean hasBody(String text, Section section, Span item) {
        int bodyEnd = section.children.isEmpty() ? section.end : section.children.getFirst().start();
        for (int i = Math.max(item.end(), section.headingEnd); i < bodyEnd; i++) {
            if (Chars.isCjk(text.charAt(i))) {
                return true;
            }
        }
        return !section.children.isEmpty();
    }

    static boolean isReview(Section section) {
        for (Section s = section; !s.isRoot(); s = s.parent) {
            if (containsAny(s.heading, REVIEW_WORDS) && !containsAny(s.heading, DEPLOYMENT_WORDS)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutMarker(String sentence, Section headed) {
        if (headed == null) {
            return sentence;
        }
        int at = sentence.indexOf(headed.marker.literal());
        return at < 0 ? sentence : sentence.substring(at + headed.marker.literal().length());
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
