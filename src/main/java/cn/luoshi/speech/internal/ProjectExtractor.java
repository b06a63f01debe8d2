package cn.luoshi.speech.internal;

import java.util.List;

import cn.luoshi.speech.SpeechProject;

/** Finds named projects and places of work. */
final class ProjectExtractor {

    private ProjectExtractor() {
    }

    static List<SpeechProject> extract(SpeechText speech, Budget budget) {
        return List.of();
    }
}
