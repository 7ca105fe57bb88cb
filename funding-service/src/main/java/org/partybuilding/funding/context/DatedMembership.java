package org.partybuilding.funding.context;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rule 15's "as it stood on the snapshot date", for one member, in plain Java: from the member's facts (one per event,
 * in version order) the stays in party organizations — from the day the member was placed in one until the day it
 * was placed in the next, or left it — and the status on each day. A member counts for a party organization on a day
 * when it was a party member then (formal or probationary, admitted by that day), active then (not left or transferred
 * out of the district by that day), and staying in that party organization then.
 *
 * <p>Where an event did not carry a date (older events), the day of the event stands in for it — for a stay, the day
 * of the first event that showed the member in that party organization: a member is counted from no earlier than the
 * platform knew it was there. A later event that dates the same stay differently (a corrected date of joining)
 * moves its start. What was kept before funding kept dates has no day at all and counts as always so.
 */
public final class DatedMembership {

    /** A stay in a party organization: from {@code from} (included) until {@code until} (excluded; {@code null}: still there). */
    public record Stay(String partyOrganizationId, LocalDate from, LocalDate until) {

        boolean covers(LocalDate day) {
            return !from.isAfter(day) && (until == null || day.isBefore(until));
        }
    }

    /** A status from a day on. */
    record StatusFrom(String status, LocalDate from) {
    }

    private final String id;
    private final boolean partyMember;
    private final LocalDate admittedOn;
    private final List<Stay> stays;
    private final List<StatusFrom> statuses;

    private DatedMembership(String id, boolean partyMember, LocalDate admittedOn, List<Stay> stays, List<StatusFrom> statuses) {
        this.id = id;
        this.partyMember = partyMember;
        this.admittedOn = admittedOn;
        this.stays = List.copyOf(stays);
        this.statuses = List.copyOf(statuses);
    }

    public static DatedMembership of(MemberView member) {
        List<MemberFact> facts = member.facts();
        List<Stay> stays = new ArrayList<>();
        List<StatusFrom> statuses = new ArrayList<>();
        String stayIn = null;
        LocalDate stayFrom = null;
        String previousStatus = null;
        LocalDate previousStatusFrom = null;
        for (MemberFact fact : facts) {
            LocalDate status = fact.statusSince() != null ? fact.statusSince()
                    : Objects.equals(fact.status(), previousStatus) ? previousStatusFrom : dayOf(fact);
            if (!Objects.equals(fact.status(), previousStatus) || !Objects.equals(status, previousStatusFrom)) {
                statuses.add(new StatusFrom(fact.status(), status));
            }
            previousStatus = fact.status();
            previousStatusFrom = status;

            String in = fact.partyOrganizationId();
            if (Objects.equals(in, stayIn)) {
                // Still there; a dated fact may correct the day the stay began.
                if (in != null && fact.partyOrganizationSince() != null) {
                    stayFrom = fact.partyOrganizationSince();
                }
                continue;
            }
            // Placed elsewhere (or nowhere): the stay before ends the day the next one begins, or the day it was left.
            LocalDate from = in == null ? null : fact.partyOrganizationSince() != null ? fact.partyOrganizationSince() : dayOf(fact);
            if (stayIn != null) {
                stays.add(new Stay(stayIn, stayFrom, in != null ? from : fact.statusSince() != null ? fact.statusSince() : dayOf(fact)));
            }
            stayIn = in;
            stayFrom = from;
        }
        if (stayIn != null) {
            stays.add(new Stay(stayIn, stayFrom, null));
        }
        return new DatedMembership(member.id(), member.partyMember(), member.admittedOn(), stays, statuses);
    }

    /** The day a fact stands for when it names none: the day of its event, or the beginning of time if unknown. */
    private static LocalDate dayOf(MemberFact fact) {
        return fact.on() != null ? fact.on() : LocalDate.MIN;
    }

    public String id() {
        return id;
    }

    public List<Stay> stays() {
        return stays;
    }

    /**
     * The party organization the member counts for on {@code day} (rule 15), or {@code null}: a party member admitted by
     * then, active then, and staying in a party organization then (the latest stay that covers the day, should dates
     * overlap).
     */
    public String countsFor(LocalDate day) {
        if (!partyMember || (admittedOn != null && admittedOn.isAfter(day)) || !activeOn(day)) {
            return null;
        }
        for (int i = stays.size() - 1; i >= 0; i--) {
            if (stays.get(i).covers(day)) {
                return stays.get(i).partyOrganizationId();
            }
        }
        return null;
    }

    /**
     * The status in force on {@code day}: that of the latest fact (in version order) whose status began by then; before
     * any such day the member counts as active (a status known only from later, e.g. "left on", says nothing of before).
     */
    boolean activeOn(LocalDate day) {
        for (int i = statuses.size() - 1; i >= 0; i--) {
            StatusFrom status = statuses.get(i);
            if (!status.from().isAfter(day)) {
                return "ACTIVE".equals(status.status());
            }
        }
        return true;
    }
}
