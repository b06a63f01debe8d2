package cn.luoshi.appeal.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Character-bigram Jaccard similarity: works for Chinese without word segmentation and is insensitive to
 * punctuation, spacing and case, which is what differs between two people typing the same problem.
 */
public final class Similarity {

    /** Two texts at or above this score describe, in practice, the same problem. */
    public static final double DUPLICATE_THRESHOLD = 0.5;

    private Similarity() {
    }

    public static double jaccard(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        int union = x.size() + y.size() - common.size();
        return (double) common.size() / union;
    }

    static Set<String> bigrams(String text) {
        Set<String> grams = new HashSet<>();
        if (text == null) {
            return grams;
        }
        int[] cps = text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).toArray();
        if (cps.length == 1) {
            grams.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }
}
