package org.partybuilding.member.members;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;
import org.springframework.stereotype.Component;

/**
 * Every member's development state and dated facts (发展阶段, status, transfers) held in memory, for reports that look at
 * every member of a district at once (the pipeline, the arrears list, the transfer-due list, the work inbox, the annual
 * report): reading 100,000 member documents per request costs seconds, looking at 100,000 small entries a few
 * milliseconds. Filled from the database at start, updated by this instance's own writes at once and by other
 * instances' writes through their events ({@code MemberDirectoryUpdates}); a change only replaces an entry of a lower
 * version. Active members and former ones (left, transferred out of the district: the annual report's year-start
 * figures still count them) are held apart. Holds no personal data beyond the name the reports show.
 */
@Component
public class MemberDirectory {

    /**
     * What the directory keeps of a member ({@code onPlatformSince}: from when dues are owed, rule 11): the development
     * state, and the dated facts the annual report and the work inbox read — {@code transfers} with only their kind,
     * state and day finished; {@code mobile} without the certificate; {@code flaggedAt} the member's last change while
     * {@code transferRequired} (null when not flagged).
     */
    public record Entry(String id, long version, String name, String organizationId, String street,
            String partyOrganizationId, Stage stage, StageDates dates, Integer probationExtendedMonths,
            LocalDate applicantTalkOn, LocalDate onPlatformSince, MemberStatus status, LocalDate leftOn,
            List<Transfer> transfers, MobileMembership mobile, boolean transferRequired, Instant flaggedAt) {

        public Entry {
            dates = dates == null ? new StageDates(null, null, null, null, null) : dates;
            transfers = transfers == null || transfers.isEmpty() ? List.of() : List.copyOf(transfers);
            flaggedAt = transferRequired ? flaggedAt : null;
        }

        static Entry of(Member m) {
            return new Entry(m.id(), m.version(), m.name(), m.organizationId(), m.street(), m.partyOrganizationId(),
                    m.stage(), m.stageDates(), m.probationExtendedMonths(), m.applicantTalkOn(), m.onPlatformSince(), m.status(),
                    m.leftOn(), m.transfers().stream().map(Entry::kept).toList(), kept(m.mobile()), m.transferRequired(),
                    m.updatedAt());
        }

        /** A transfer as the directory keeps it: kind, state, the day it finished. */
        static Transfer kept(Transfer t) {
            return new Transfer(null, t.kind(), null, null, null, null, t.state(), null, t.finishedOn(), null, null);
        }

        static MobileMembership kept(MobileMembership m) {
            return m == null ? null : new MobileMembership(m.originalPartyOrganization(), null, m.workingSince(), m.holdsPostInOriginal());
        }

        public boolean active() {
            return status == MemberStatus.ACTIVE;
        }

        Entry inStreet(String newStreet) {
            return new Entry(id, version, name, organizationId, newStreet, partyOrganizationId, stage, dates,
                    probationExtendedMonths, applicantTalkOn, onPlatformSince, status, leftOn, transfers, mobile, transferRequired,
                    flaggedAt);
        }
    }

    private final Map<String, Entry> active = new ConcurrentHashMap<>();
    /** Members no longer active (left, transferred out): the annual report counts them on the days they still were. */
    private final Map<String, Entry> former = new ConcurrentHashMap<>();
    /** The street each employer's members are seen in, so that an organization event that moves nothing costs nothing. */
    private final Map<String, String> employerStreets = new ConcurrentHashMap<>();

    /** Takes a member's state if it is newer than what the directory holds. */
    public void put(Member member) {
        take(Entry.of(member));
    }

    /** A member as read at start (a write seen meanwhile wins if newer). */
    void load(Entry entry) {
        take(entry);
    }

    private void take(Entry entry) {
        active.compute(entry.id(), (id, held) -> {
            Entry known = held != null ? held : former.get(id);
            if (known != null && known.version() >= entry.version()) {
                return held;
            }
            employed(entry.organizationId(), entry.street());
            if (entry.active()) {
                former.remove(id);
                return entry;
            }
            former.put(id, entry);
            return null;
        });
    }

    /** Whether the directory holds this version of the member or a newer one. */
    public boolean holds(String id, long version) {
        Entry held = active.get(id);
        if (held == null) {
            held = former.get(id);
        }
        return held != null && held.version() >= version;
    }

    /**
     * A member is seen in their employer's street: when the organization moves, so do its members, former ones too
     * (the database is updated without a new member version, see {@code ContextProjection}).
     */
    public void employerMoved(String organizationId, String street) {
        String seenIn = employerStreets.get(organizationId);
        if (seenIn == null || seenIn.equals(street)) {
            return;
        }
        employerStreets.put(organizationId, street);
        active.replaceAll((id, e) -> organizationId.equals(e.organizationId()) && !street.equals(e.street()) ? e.inStreet(street) : e);
        former.replaceAll((id, e) -> organizationId.equals(e.organizationId()) && !street.equals(e.street()) ? e.inStreet(street) : e);
    }

    private void employed(String organizationId, String street) {
        if (organizationId != null && street != null) {
            employerStreets.put(organizationId, street);
        }
    }

    /** The active members matching a filter (a snapshot of the moment; entries are immutable). */
    public Collection<Entry> matching(Predicate<Entry> filter) {
        return active.values().stream().filter(filter).toList();
    }

    /** Every member ever registered here, active or not, matching a filter (a snapshot of the moment). */
    public Collection<Entry> everyone(Predicate<Entry> filter) {
        return Stream.concat(active.values().stream(), former.values().stream()).filter(filter).toList();
    }

    /** How many active members the directory holds. */
    public int size() {
        return active.size();
    }
}
