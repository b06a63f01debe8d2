package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.List;

/** A node of the outline while it is built: a marker, its heading and the range of text it governs. */
final class Section {

    final Marker marker;
    final String heading;
    final int headingEnd;
    final Section parent;
    final List<Section> children = new ArrayList<>();
    final boolean paragraphScoped;
    int end;

    Section(Marker marker, String heading, int headingEnd, Section parent, boolean paragraphScoped) {
        this.marker = marker;
        this.heading = heading;
        this.headingEnd = headingEnd;
        this.parent = parent;
        this.paragraphScoped = paragraphScoped;
    }

    static Section root(int length) {
        Section root = new Section(null, null, 0, null, false);
        root.end = length;
        return root;
    }

    boolean isRoot() {
        return marker == null;
    }

    int start() {
        return marker == null ? 0 : marker.start();
    }

    String style() {
        return marker == null ? "" : marker.style();
    }

    boolean isInline() {
        return marker != null && marker.inline();
    }

    int depth() {
        int depth = 0;
        for (Section s = this; !s.isRoot(); s = s.parent) {
            depth++;
        }
        return depth;
    }

    Section lastChild() {
        return children.isEmpty() ? null : children.getLast();
    }

    /** The headings from the top of the outline down to this section. */
    List<String> path() {
        List<String> path = new ArrayList<>();
        for (Section s = this; !s.isRoot(); s = s.parent) {
            path.addFirst(s.heading);
        }
        return path;
    }

    /** The deepest section whose range contains the position. */
    Section innermostAt(int position) {
        Section current = this;
        while (true) {
            Section next = childAt(current.children, position);
            if (next == null) {
                return current;
            }
            current = next;
        }
    }

    private static Section childAt(List<Section> children, int position) {
        int low = 0;
        int high = children.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Section child = children.get(mid);
            if (position < child.start()) {
                high = mid - 1;
            } else if (position >= child.end) {
                low = mid + 1;
            } else {
                return child;
            }
        }
        return null;
    }

    boolean headingContains(int position) {
        return marker != null && position >= marker.start() && position < headingEnd;
    }
}
