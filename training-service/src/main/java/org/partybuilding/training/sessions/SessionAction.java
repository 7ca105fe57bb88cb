package org.partybuilding.training.sessions;

/** What a write did to a course or an attendance record, as the audit trail names it. */
public enum SessionAction {
    /** {@code POST /api/training/sessions}. */
    SESSION_CREATED,
    /** A member's attendance recorded ({@code POST /api/training/sessions/{id}/attendance}). */
    ATTENDANCE_RECORDED,
    /** A member's attendance recorded again with other hours. */
    ATTENDANCE_CORRECTED
}
