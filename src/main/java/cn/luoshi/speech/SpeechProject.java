package cn.luoshi.speech;

/**
 * A named project or place of work, once per name.
 *
 * @param name     the name, normalised (长株高速, 清水塘重金属污染区居民搬迁工程)
 * @param kind     what sort of thing it is
 * @param text     the first mention as it reads in the speech, normalised
 * @param start    offset of the first mention in the original text
 * @param end      end of the first mention in the original text
 * @param mentions how often the name occurs
 */
public record SpeechProject(String name, ProjectKind kind, String text, int start, int end, int mentions) {
}
