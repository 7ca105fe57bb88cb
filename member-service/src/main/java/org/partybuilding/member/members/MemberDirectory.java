package org.partybuilding.member.members;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;
import org.springframework.stereotype.Component;

/**
 * The active members' development state (发展阶段) held in memory, for reports that look at every
 * member of a district at once (the pipeline): reading 100,000 member documents per request costs
 * seconds, looking at 100,000 small entries a few milliseconds. Filled from the database at start,
 * updated by this instance's own writes at once and by other instances' writes through their events
 * ({@code MemberDirectoryUpdates}); a change only replaces an entry of a lower version. Holds no
 * personal data beyond the name the reports show.
 */
@Component
public class MemberDirectory {

    /** What the directory keeps of an active member ({@code onPlatformSince}: from when dues are owed, rule 11). */
    public record Entry(String id, long version, String name, String organizationId, String street,
            String partyOrganizationId, Stage stage, StageDates dates, Integer probationExtendedMonths,
            LocalDate applicantTalkOn, LocalDate onPlatformSince) {

        static Entry of(Member m) {
            return new Entry(m.id(), m.version(), m.name(), m.organizationId(), m.street(), m.partyOrganizationId(),
                    m.stage(), m.stageDates(), m.probationExtendedMonths(), m.applicantTalkOn(), m.onPlatformSince());
        }

        Entry inStreet(String newStreet) {
            return new Entry(id, version, name, organizationId, newStreet, partyOrganizationId, stage, dates,
                    probationExtendedMonths, applicantTalkOn, onPlatformSince);
        }
    }

    private final Map<String, Entry> active = new ConcurrentHashMap<>();
    /** Versions of members no longer active, so that a late older event cannot bring them back. */
    private final Map<String, Long> gone = new ConcurrentHashMap<>();
    /** The street each employer's members are seen in, so that an organization event that moves nothing costs nothing. */
    private final Map<String, String> employerStreets = new ConcurrentHashMap<>();

    /** Takes a member's state if it is newer than what the directory holds. */
    public void put(Member member) {
        active.compute(member.id(), (id, held) -> {
            long known = held != null ? held.version() : gone.getOrDefault(id, 0L);
            if (known >= member.version()) {
                return held;
            }
            if (member.active()) {
                gone.remove(id);
                employed(member.organizationId(), member.street());
                return Entry.of(member);
            }
            gone.put(id, member.version());
            return null;
        });
    }

    /** An active member as read at start (a write seen meanwhile wins if newer). */
    void load(Entry entry) {
        employed(entry.organizationId(), entry.street());
        active.merge(entry.id(), entry, (held, loaded) -> held.version() >= loaded.version() ? held : loaded);
    }

    /** Whether the directory holds this version of the member or a newer one. */
    public boolean holds(String id, long version) {
        Entry held = active.get(id);
        long known = held != null ? held.version() : gone.getOrDefault(id, 0L);
        return known >= version;
    }

    /**
     * A member is seen in their employer's street: when the organization moves, so do its members
     * (the database is updated without a new member version, see {@code ContextProjection}).
     */
    public void employerMoved(String organizationId, String street) {
        String seenIn = employerStreets.get(organizationId);
        if (seenIn == null || seenIn.equals(street)) {
            return;
        }
        employerStreets.put(organizationId, street);
        active.replaceAll((id, e) -> organizationId.equals(e.organizationId()) && !street.equals(e.street()) ? e.inStreet(street) : e);
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

    public int size() {
        return active.size();
    }
}
