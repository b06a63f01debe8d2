package cn.luoshi.speech.internal;

import java.util.ArrayList;
import java.util.List;

import cn.luoshi.speech.OutlineNode;
import cn.luoshi.speech.SpeechExtraction;
import cn.luoshi.speech.SpeechFigure;
import cn.luoshi.speech.SpeechProgramme;
import cn.luoshi.speech.SpeechProject;
import cn.luoshi.speech.SpeechTarget;
import cn.luoshi.speech.SpeechTask;

/** Runs the extraction stages in order: normalise, outline, tasks, quantities, projects, programmes. */
public final class ExtractionPipeline {

    private ExtractionPipeline() {
    }

    public static SpeechExtraction run(String original, long budgetNanos) {
        Budget budget = new Budget(budgetNanos);
        SpeechText speech = SpeechTextReader.read(original);
        TitleParser.TitleInfo title = TitleParser.parse(speech.title(), speech.subtitle());
        Section outline = OutlineParser.parse(speech, budget);
        List<SpeechTask> tasks = budget.exhausted() ? List.of() : TaskClassifier.classify(speech, outline, budget);
        QuantityExtractor.Result quantities = budget.exhausted() ? QuantityExtractor.Result.EMPTY
                : QuantityExtractor.extract(speech, outline, budget);
        List<SpeechProject> projects = budget.exhausted() ? List.of() : ProjectExtractor.extract(speech, budget);
        List<SpeechProgramme> programmes = ProgrammeExtractor.extract(speech);
        int placeholders = Placeholders.count(speech.text())
                + (speech.title() == null ? 0 : Placeholders.count(speech.title()))
                + (speech.subtitle() == null ? 0 : Placeholders.count(speech.subtitle()));
        return new SpeechExtraction(title.title(), title.occasion(), title.speakerRole(), toNodes(speech, outline),
                tasks, quantities.targets(), quantities.figures(), projects, programmes, placeholders,
                budget.wasExhausted());
    }

    private static List<OutlineNode> toNodes(SpeechText speech, Section parent) {
        List<OutlineNode> nodes = new ArrayList<>(parent.children.size());
        for (Section child : parent.children) {
            int end = Math.max(child.headingEnd, child.marker.end());
            nodes.add(new OutlineNode(child.depth(), child.marker.literal(), child.heading,
                    speech.originalStart(child.start()), speech.originalEnd(end), toNodes(speech, child)));
        }
        return nodes;
    }
}
