package cn.luoshi.speech;

import java.util.List;

/**
 * What the extractor found in one speech. Every item carries offsets into the original input.
 *
 * @param title        the speech's title, null when none is stated
 * @param occasion     the meeting it was given at, null when not stated
 * @param speakerRole  the speaker's office (市委书记, 市长 …), null when not stated
 * @param outline      the headings as a tree
 * @param tasks        the deployed items
 * @param targets      quantified goals set for the future
 * @param figures      quantities cited about the present or past
 * @param projects     named projects and places of work, one per name
 * @param programmes   quoted numeric programme codes such as “122”, one per code
 * @param placeholders how many placeholders (XX, *, 20xx …) the text contains
 * @param partial      true when the time budget ran out and later stages were skipped
 */
public record SpeechExtraction(String title, String occasion, String speakerRole, List<OutlineNode> outline,
        List<SpeechTask> tasks, List<SpeechTarget> targets, List<SpeechFigure> figures,
        List<SpeechProject> projects, List<SpeechProgramme> programmes, int placeholders, boolean partial) {

    public SpeechExtraction {
        outline = List.copyOf(outline);
        tasks = List.copyOf(tasks);
        targets = List.copyOf(targets);
        figures = List.copyOf(figures);
        projects = List.copyOf(projects);
        programmes = List.copyOf(programmes);
    }
}
