package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import cn.luoshi.speech.SpeechExtraction;

/**
 * Cuts the speech text into runs so that each extracted item's source can be marked: a run knows which items cover
 * it, and the first run of an item carries the item's anchor.
 */
public final class SpeechHighlights {

    /** One run of text; {@code kinds} are CSS classes, {@code anchors} the ids of items starting here. */
    public record Run(String text, String kinds, List<String> anchors, String items) {
    }

    private record Mark(String id, String kind, int start, int end) {
    }

    private SpeechHighlights() {
    }

    static List<Run> of(String text, SpeechExtraction extraction) {
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < extraction.tasks().size(); i++) {
            var t = extraction.tasks().get(i);
            marks.add(new Mark("t" + i, "hl-task", t.start(), t.end()));
        }
        for (int i = 0; i < extraction.targets().size(); i++) {
            var t = extraction.targets().get(i);
            marks.add(new Mark("g" + i, "hl-target", t.start(), t.end()));
        }
        for (int i = 0; i < extraction.projects().size(); i++) {
            var p = extraction.projects().get(i);
            marks.add(new Mark("p" + i, "hl-project", p.start(), p.end()));
        }
        for (int i = 0; i < extraction.figures().size(); i++) {
            var f = extraction.figures().get(i);
            marks.add(new Mark("f" + i, "hl-figure", f.start(), f.end()));
        }
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for (Mark m : marks) {
            if (m.start() >= 0 && m.end() <= text.length() && m.start() < m.end()) {
                cuts.add(m.start());
                cuts.add(m.end());
            }
        }
        List<Run> runs = new ArrayList<>();
        Integer from = null;
        for (int cut : cuts) {
            if (from != null && cut > from) {
                int a = from;
                int b = cut;
                StringBuilder kinds = new StringBuilder();
                StringBuilder items = new StringBuilder();
                List<String> anchors = new ArrayList<>();
                for (Mark m : marks) {
                    if (m.start() <= a && m.end() >= b) {
                        if (kinds.indexOf(m.kind()) < 0) {
                            kinds.append(kinds.isEmpty() ? "" : " ").append(m.kind());
                        }
                        items.append(items.isEmpty() ? "" : " ").append(m.id());
                        if (m.start() == a) {
                            anchors.add(m.id());
                        }
                    }
                }
                runs.add(new Run(text.substring(a, b), kinds.toString(), anchors, items.toString()));
            }
            from = cut;
        }
        return runs;
    }
}
