package cn.luoshi.speech.internal;

/** A half-open range [start, end) of the normalised text. */
record Span(int start, int end) {

    int length() {
        return end - start;
    }

    boolean contains(int position) {
        return position >= start && position < end;
    }
}
