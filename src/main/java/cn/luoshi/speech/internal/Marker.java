package cn.luoshi.speech.internal;

/**
 * An outline marker found in the text.
 *
 * @param style   the numbering style ({@code 一、}, {@code （一）}, {@code 1、}, {@code 一是} …); markers of one style
 *                form one list
 * @param number  the position it announces, 1 for the first
 * @param inline  true for markers that enumerate inside a paragraph (一是, 首先)
 * @param start   where the marker starts in the normalised text
 * @param end     where it ends
 * @param literal the marker as written
 */
record Marker(String style, int number, boolean inline, int start, int end, String literal) {
}
