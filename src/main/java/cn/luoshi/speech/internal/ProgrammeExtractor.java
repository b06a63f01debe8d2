package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.speech.SpeechProgramme;

/** Finds quoted numeric programme codes: “122”, “4433”, “3+17+23”. */
final class ProgrammeExtractor {

    private static final int MAX_CODE = 16;

    private ProgrammeExtractor() {
    }

    static List<SpeechProgramme> extract(SpeechText speech) {
        String text = speech.text();
        Map<String, int[]> found = new LinkedHashMap<>();
        int from = 0;
        while (true) {
            int open = text.indexOf('“', from);
            if (open < 0) {
                break;
            }
            int i = open + 1;
            int digits = 0;
            while (i < text.length() && i - open <= MAX_CODE && isCodeChar(text.charAt(i))) {
                digits += Chars.isDigit(text.charAt(i)) ? 1 : 0;
                i++;
            }
            if (i < text.length() && text.charAt(i) == '”' && i > open + 1 && digits >= 2
                    && Chars.isDigit(text.charAt(open + 1)) && Chars.isDigit(text.charAt(i - 1))) {
                String code = text.substring(open + 1, i);
                int[] entry = found.computeIfAbsent(code, k -> new int[] {open, 0, 0});
                entry[1] = entry[1] == 0 ? i + 1 : entry[1];
                entry[2]++;
            }
            from = Math.max(i, open + 1);
        }
        List<SpeechProgramme> programmes = new ArrayList<>();
        found.forEach((code, entry) -> programmes.add(new SpeechProgramme(code, speech.originalStart(entry[0]),
                speech.originalEnd(entry[1]), entry[2])));
        return programmes;
    }

    private static boolean isCodeChar(char c) {
        return Chars.isDigit(c) || c == '+' || c == '-';
    }
}
