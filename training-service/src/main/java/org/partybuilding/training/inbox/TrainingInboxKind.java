package org.partybuilding.training.inbox;

/** What training-service puts in a work inbox (待办, DOMAIN.md §6). */
public enum TrainingInboxKind {
    /** Rule 12: a meeting the party organization owes in the current period (month, quarter, or the year in its last quarter). */
    MEETING_OWED
}
