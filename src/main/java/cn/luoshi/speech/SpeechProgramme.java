package cn.luoshi.speech;

/**
 * A quoted numeric programme code such as “122” or “3+17+23”, once per code.
 *
 * @param code     the code without quotes
 * @param start    offset of the first mention (opening quote) in the original text
 * @param end      end of the first mention (closing quote) in the original text
 * @param mentions how often the code occurs
 */
public record SpeechProgramme(String code, int start, int end, int mentions) {
}
