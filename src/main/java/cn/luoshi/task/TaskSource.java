package cn.luoshi.task;

/**
 * Where a task came from and, for a meeting, where in the speech.
 *
 * @param kind        meeting, project, appeal or manual
 * @param sourceId    the meeting, project or appeal id (null for manual tasks)
 * @param outlinePath the place in the speech's outline, e.g. {@code 三、（三）一是}
 * @param sourceText  the sentence the task was taken from
 * @param sourceKey   identifies the item within its source (e.g. the extracted item's offset): registering the same
 *                    (kind, sourceId, sourceKey) again returns the existing task instead of a duplicate
 */
public record TaskSource(SourceKind kind, Long sourceId, String outlinePath, String sourceText, String sourceKey) {

    public TaskSource {
        kind = kind == null ? SourceKind.MANUAL : kind;
    }

    public static TaskSource manual() {
        return new TaskSource(SourceKind.MANUAL, null, null, null, null);
    }

    public static TaskSource meeting(long meetingId, String outlinePath, String sourceText, String sourceKey) {
        return new TaskSource(SourceKind.MEETING, meetingId, outlinePath, sourceText, sourceKey);
    }

    public static TaskSource project(long projectId, String problemText, String sourceKey) {
        return new TaskSource(SourceKind.PROJECT, projectId, null, problemText, sourceKey);
    }
}
