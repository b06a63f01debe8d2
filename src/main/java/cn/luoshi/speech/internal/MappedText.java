package cn.luoshi.speech.internal;

import java.util.Arrays;

/** Text being built from the original input, remembering for each character where it came from. */
final class MappedText {

    private final StringBuilder text;
    private int[] origin;

    MappedText(int capacity) {
        text = new StringBuilder(Math.max(16, capacity));
        origin = new int[Math.max(16, capacity)];
    }

    void append(char c, int originIndex) {
        if (text.length() == origin.length) {
            origin = Arrays.copyOf(origin, origin.length * 2);
        }
        origin[text.length()] = originIndex;
        text.append(c);
    }

    void append(MappedText other) {
        for (int i = 0; i < other.length(); i++) {
            append(other.charAt(i), other.originOf(i));
        }
    }

    int length() {
        return text.length();
    }

    char charAt(int index) {
        return text.charAt(index);
    }

    char lastChar() {
        return text.isEmpty() ? '\0' : text.charAt(text.length() - 1);
    }

    int originOf(int index) {
        return origin[index];
    }

    void setChar(int index, char c) {
        text.setCharAt(index, c);
    }

    /** Replaces the characters one for one; the replacement must have the same length. */
    void replaceAll(String sameLength) {
        text.setLength(0);
        text.append(sameLength);
    }

    int[] originArray() {
        return Arrays.copyOf(origin, text.length());
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
