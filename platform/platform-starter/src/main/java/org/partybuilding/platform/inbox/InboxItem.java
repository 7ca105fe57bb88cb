package org.partybuilding.platform.inbox;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing due in a work inbox (待办, DOMAIN.md §6; API.md "inbox"): what kind of work, about which subject (by id and
 * name), by when it is due ({@code due}) or since when it has been due ({@code since}), the rule behind it, and the
 * portal route (hash path, e.g. {@code /branches/<id>}) where it is done. {@code street} and
 * {@code partyOrganizationId} say whose it is (scope), for the portal's grouping.
 */
public record InboxItem(String kind, String subjectId, String subjectName, LocalDate due, LocalDate since, String rule,
        String route, String street, String partyOrganizationId) {

    public InboxItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(route, "route");
        if (due == null && since == null) {
            throw new IllegalArgumentException("An inbox item is due on a date or has been due since one: " + kind + " " + subjectId);
        }
    }

    /** The date the item is ordered by: when it falls (or fell) due. */
    public LocalDate dueDate() {
        return due != null ? due : since;
    }
}
