package cn.luoshi.speech.internal;

import java.util.List;

import cn.luoshi.speech.SpeechFigure;
import cn.luoshi.speech.SpeechTarget;

/** Finds targets and cited figures. */
final class QuantityExtractor {

    record Result(List<SpeechTarget> targets, List<SpeechFigure> figures) {
        static final Result EMPTY = new Result(List.of(), List.of());
    }

    private QuantityExtractor() {
    }

    static Result extract(SpeechText speech, Section outline, Budget budget) {
        return Result.EMPTY;
    }
}
