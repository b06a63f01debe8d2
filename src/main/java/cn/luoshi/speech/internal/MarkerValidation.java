package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops candidate markers that do not form lists: 首先 without 其次 or 最后, a closing 最后 with no 首先 before it
 * ("最后，祝大家…"), and a lone 一要 or 一是 that nothing follows.
 */
final class MarkerValidation {

    private static final int LIST_REACH = 6_000;

    private MarkerValidation() {
    }

    static List<List<Marker>> accepted(List<List<Marker>> perParagraph) {
        List<Marker> flat = new ArrayList<>();
        perParagraph.forEach(flat::addAll);
        boolean[] drop = new boolean[flat.size()];
        markSequenceWords(flat, drop);
        markLoneFirsts(flat, drop);
        List<List<Marker>> result = new ArrayList<>(perParagraph.size());
        int index = 0;
        for (List<Marker> paragraph : perParagraph) {
            List<Marker> kept = new ArrayList<>(paragraph.size());
            for (Marker marker : paragraph) {
                if (!drop[index++]) {
                    kept.add(marker);
                }
            }
            result.add(kept);
        }
        return result;
    }

    private static void markSequenceWords(List<Marker> flat, boolean[] drop) {
        int groupStart = -1;
        int groupSize = 0;
        for (int i = 0; i < flat.size(); i++) {
            Marker marker = flat.get(i);
            if (!marker.style().equals(MarkerScanner.SEQUENCE)) {
                continue;
            }
            if (marker.number() == 1) {
                closeGroup(flat, drop, groupStart, groupSize);
                groupStart = i;
                groupSize = 1;
            } else if (groupStart >= 0 && marker.start() - flat.get(groupStart).start() < LIST_REACH * 3) {
                groupSize++;
                if (marker.number() == 99) {
                    closeGroup(flat, drop, groupStart, groupSize);
                    groupStart = -1;
                    groupSize = 0;
                }
            } else {
                drop[i] = true;
            }
        }
        closeGroup(flat, drop, groupStart, groupSize);
    }

    private static void closeGroup(List<Marker> flat, boolean[] drop, int groupStart, int groupSize) {
        if (groupStart >= 0 && groupSize < 2) {
            drop[groupStart] = true;
        }
    }

    /** 一是 / 一要 count only when a 二是 / 二要 follows within reach. */
    private static void markLoneFirsts(List<Marker> flat, boolean[] drop) {
        for (int i = 0; i < flat.size(); i++) {
            Marker marker = flat.get(i);
            if (!marker.inline() || marker.style().equals(MarkerScanner.SEQUENCE) || marker.number() != 1) {
                continue;
            }
            boolean followed = false;
            for (int j = i + 1; j < flat.size() && flat.get(j).start() - marker.start() < LIST_REACH; j++) {
                Marker next = flat.get(j);
                if (next.style().equals(marker.style())) {
                    followed = next.number() == 2;
                    break;
                }
            }
            drop[i] = !followed;
        }
    }
}
