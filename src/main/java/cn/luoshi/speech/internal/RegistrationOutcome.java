package cn.luoshi.speech.internal;

/** What one registration wrote: new items and items found registered from an earlier import of the same speech. */
public record RegistrationOutcome(long meetingId, boolean meetingCreated, int tasksCreated, int tasksExisting,
                           int targets, int projectsCreated, int projectsExisting) {
}
