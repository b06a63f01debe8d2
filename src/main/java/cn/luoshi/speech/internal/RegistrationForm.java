package cn.luoshi.speech.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reviewer sends back: the meeting, defaults, and per extracted item whether to register it and the edits
 * made. Items are named by their key; their source text and outline path are taken from the stored speech, not from
 * the form. Bound by field access (see {@link SpeechPagesController}).
 */
class RegistrationForm {

    String meetingTitle;
    LocalDate meetingDate;
    String occasion;
    String speakerRole;
    Long defaultLeadUnitId;
    LocalDate defaultDueDate;
    Integer version;
    List<TaskItem> tasks = new ArrayList<>();
    List<TargetItem> targets = new ArrayList<>();
    List<ProjectItem> projects = new ArrayList<>();

    static class TaskItem {
        String key;
        boolean selected;
        String title;
        Long leadUnitId;
        LocalDate dueDate;
    }

    static class TargetItem {
        String key;
        boolean selected;
        Long unitId;
        Integer year;
        /** The year a multi-year target is measured from; when blank, the one the speech states or the default. */
        Integer baseYear;
        BigDecimal value;
    }

    static class ProjectItem {
        String key;
        boolean selected;
        String name;
        String category;
        Long leadUnitId;
    }
}
