/**
 * Speech extraction: reads the raw text of a meeting speech (as pasted from the web, with boilerplate, broken
 * lines and placeholders) and returns its title, outline, deployed tasks, targets, cited figures, named projects
 * and programmes, each with character offsets into the original text.
 *
 * <p>The engine is plain Java; {@link cn.luoshi.speech.SpeechExtractor} is the entry point and
 * {@link cn.luoshi.speech.SpeechExtraction} the result.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Speech extraction")
package cn.luoshi.speech;
