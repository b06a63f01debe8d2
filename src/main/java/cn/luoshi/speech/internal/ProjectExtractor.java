package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.speech.ProjectKind;
import cn.luoshi.speech.SpeechProject;

/**
 * Finds named projects and places of work: a name ending (高速, 大道, 产业园, 工程, 项目 …) and the words before it
 * up to a verb, a conjunction or punctuation. Names made only of generic words ("重点项目", "环境治理项目") and
 * names whose only specific part is a placeholder ("X高速") are dropped.
 */
final class ProjectExtractor {

    static final int MAX_PROJECTS = 5_000;
    private static final int MAX_NAME = 24;
    private static final int MAX_LEFT = 18;

    private ProjectExtractor() {
    }

    private record Candidate(String name, ProjectKind kind, int start, int end) {
    }

    static List<SpeechProject> extract(SpeechText speech, Budget budget) {
        String text = speech.text();
        Map<String, int[]> seen = new LinkedHashMap<>();
        Map<String, ProjectKind> kinds = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            if ((i & 1023) == 0 && budget.exhausted()) {
                break;
            }
            String suffix = ProjectVocabulary.suffixAt(text, i);
            if (suffix == null) {
                i++;
                continue;
            }
            Candidate candidate = candidateAt(text, i, suffix);
            if (candidate == null) {
                i += suffix.length();
                continue;
            }
            int[] entry = seen.get(candidate.name());
            if (entry == null) {
                if (seen.size() >= MAX_PROJECTS) {
                    break;
                }
                seen.put(candidate.name(), new int[] {candidate.start(), candidate.end(), 1});
                kinds.put(candidate.name(), candidate.kind());
            } else {
                entry[2]++;
            }
            i = candidate.end();
        }
        List<SpeechProject> projects = new ArrayList<>(seen.size());
        seen.forEach((name, entry) -> projects.add(new SpeechProject(name, kinds.get(name), speech.slice(entry[0], entry[1]),
                speech.originalStart(entry[0]), speech.originalEnd(entry[1]), entry[2])));
        return projects;
    }

    private static Candidate candidateAt(String text, int suffixStart, String firstSuffix) {
        int end = suffixStart + firstSuffix.length();
        String lastSuffix = firstSuffix;
        while (true) {
            int before = end;
            end = skipQualifiers(text, end);
            if (end - suffixStart > MAX_NAME) {
                return null;
            }
            String chained = ProjectVocabulary.suffixAt(text, end);
            if (chained != null && !chained.equals("路") && !chained.equals("港") && !chained.equals("园")) {
                end += chained.length();
                lastSuffix = chained;
                continue;
            }
            if (end == before) {
                break;
            }
        }
        if (!isFollowedByBoundary(text, end)) {
            return null;
        }
        int start = leftBoundary(text, suffixStart);
        if (start < 0) {
            return null;
        }
        String prefix = text.substring(start, suffixStart);
        String name = text.substring(start, end);
        if (name.length() > MAX_NAME || !isSpecific(prefix, firstSuffix)) {
            return null;
        }
        return new Candidate(name, ProjectVocabulary.SUFFIXES.get(lastSuffix), start, end);
    }

    private static int skipQualifiers(String text, int end) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (String q : ProjectVocabulary.QUALIFIERS) {
                if (MarkerScanner.startsWith(text, end, q)) {
                    end += q.length();
                    moved = true;
                }
            }
        }
        return end;
    }

    private static boolean isFollowedByBoundary(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char next = text.charAt(end);
        if (!Chars.isCjk(next) && !Chars.isAsciiAlnum(next)) {
            return true;
        }
        for (String follower : ProjectVocabulary.FOLLOWERS) {
            if (MarkerScanner.startsWith(text, end, follower)) {
                return true;
            }
        }
        return false;
    }

    /** Where the name starts, walking left from its ending; -1 when no boundary is found within reach. */
    private static int leftBoundary(String text, int suffixStart) {
        int i = suffixStart;
        while (i > 0 && suffixStart - i <= MAX_LEFT) {
            char c = text.charAt(i - 1);
            if (c == '）' || c == '”') {
                int open = Texts.lastIndexOf(text, c == '）' ? '（' : '“', i - 13, i - 1);
                if (open >= 0 && Texts.indexOf(text, '\n', open, i - 1) < 0) {
                    i = open;
                    continue;
                }
                return i;
            }
            if (!Chars.isCjk(c) && !Chars.isAsciiAlnum(c) && !Placeholders.isPlaceholderChar(c)) {
                return i;
            }
            if (isMeasureAfterNumber(text, i - 1)) {
                return i;
            }
            for (String stop : ProjectVocabulary.STOPS) {
                if (i - stop.length() >= 0 && text.startsWith(stop, i - stop.length())) {
                    return i;
                }
            }
            i--;
        }
        return i == 0 ? 0 : -1;
    }

    /** "12个节能减排项目": a count ends the name on the left. */
    private static boolean isMeasureAfterNumber(String text, int i) {
        char c = text.charAt(i);
        if ("个项批大座条家所".indexOf(c) < 0 || i == 0) {
            return false;
        }
        char before = text.charAt(i - 1);
        return Chars.isDigit(before) || ChineseNumbers.isNumberChar(before)
                || (c != '大' && Placeholders.isPlaceholderChar(before));
    }

    /** A name needs two specific characters before its ending, and more than generic words. */
    private static boolean isSpecific(String prefix, String suffix) {
        int specific = 0;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (Chars.isCjk(c) || (Chars.isAsciiAlnum(c) && !Chars.isPlaceholderLetter(c))) {
                specific++;
            }
        }
        if (specific < 2 || ProjectVocabulary.isGeneric(prefix) || ChineseNumbers.isNumberChar(prefix.charAt(0))) {
            return false; // "十大重点基础工程", "三馆五中心" count things rather than name one
        }
        if (suffix.equals("园") && prefix.endsWith("家")) {
            return false; // 家园
        }
        if (suffix.equals("路")) {
            // roads are short proper names; "思路", "新路子", "发展之路" are not
            char last = prefix.charAt(prefix.length() - 1);
            return specific <= 5 && "思道线之出门套铁公水网电马新老小大一长生活来心正歧进后退去走领".indexOf(last) < 0;
        }
        return true;
    }
}
