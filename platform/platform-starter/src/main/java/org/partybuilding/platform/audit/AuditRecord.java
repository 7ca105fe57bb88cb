package org.partybuilding.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a resource's audit trail: {@code actor} did {@code action} (e.g. {@code MEMBER_REGISTERED},
 * {@code STAGE_CHANGED}, {@code CORRECTED}) to {@code resource} {@code resourceId} at {@code at}, changing
 * {@code changes} (display strings, personal data masked as for an auditor), for {@code reason} where the action
 * has one. Stored in the aggregate's document, appended in the write that made the change
 * ({@code VersionedWrites}, or the insert that creates it), never edited.
 */
public record AuditRecord(String id, Instant at, Actor actor, String action, String resource, String resourceId,
        List<FieldChange> changes, String reason) {

    /** The array of records in an aggregate's document. */
    public static final String HISTORY_FIELD = "history";

    public AuditRecord {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** A new record with a fresh id. */
    public static AuditRecord of(Instant at, Actor actor, String action, String resource, String resourceId,
            List<FieldChange> changes, String reason) {
        return new AuditRecord(UUID.randomUUID().toString(), at, actor, action, resource, resourceId, changes,
                reason == null || reason.isBlank() ? null : reason.trim());
    }
}
