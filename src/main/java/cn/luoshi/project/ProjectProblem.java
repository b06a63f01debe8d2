package cn.luoshi.project;

import java.time.OffsetDateTime;

/**
 * A problem raised on a project (问题清单) and what became of it: a task (督办) or an enterprise appeal (诉求) in
 * those modules, linked by id, until it is marked resolved.
 */
public record ProjectProblem(long id, long projectId, String text, Status status, String raisedBy,
                             OffsetDateTime raisedAt, Long taskId, Long appealId, String resolutionNote,
                             OffsetDateTime resolvedAt, int version) {

    public enum Status { OPEN, RESOLVED }
}
