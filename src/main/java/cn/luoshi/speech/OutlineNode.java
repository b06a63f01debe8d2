package cn.luoshi.speech;

import java.util.List;

/**
 * One heading of the speech's outline.
 *
 * @param level    depth in this speech's tree, 1 for the top
 * @param marker   the literal marker as written (normalised punctuation), e.g. {@code 一、}, {@code （一）}, {@code 一是}
 * @param heading  the heading text without the marker
 * @param start    offset of the marker in the original text
 * @param end      end of the heading in the original text
 * @param children the headings below this one
 */
public record OutlineNode(int level, String marker, String heading, int start, int end, List<OutlineNode> children) {

    public OutlineNode {
        children = List.copyOf(children);
    }
}
