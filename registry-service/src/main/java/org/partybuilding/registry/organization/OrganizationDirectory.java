package org.partybuilding.registry.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.stereotype.Component;

/**
 * Every organization, by name, in this instance's memory: what lists and ledger pages are served
 * from. A MongoDB-protocol server without index-backed sorting (the local run's) sorts the whole
 * collection for every page; this keeps a page at a fraction of a millisecond at 10,000
 * organizations. Kept version-guarded from this instance's own writes (at once) and from the
 * organization events of every instance ({@link OrganizationDirectoryUpdates}); filled from the
 * database before the service reports ready. About 1 KB per organization.
 */
@Component
public class OrganizationDirectory {

    private record Key(String name, String id) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::name).thenComparing(Key::id);

    private final ConcurrentSkipListMap<Key, Organization> byName = new ConcurrentSkipListMap<>(ORDER);
    /** The same, per street and per industry: a filtered list walks only the smaller of them. */
    private final Map<String, ConcurrentSkipListMap<Key, Organization>> byStreet = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<Key, Organization>> byIndustry = new ConcurrentHashMap<>();
    private final Map<String, Organization> byId = new ConcurrentHashMap<>();
    /** Ids by every two-character piece of their names: "name contains" looks at the few that hold all of the query's pieces. */
    private final Map<String, Set<String>> idsByBigram = new ConcurrentHashMap<>();

    /** Takes the organization's state if it is newer than what is held. */
    public synchronized void put(Organization organization) {
        Organization held = byId.get(organization.id());
        if (held != null && held.version() >= organization.version()) {
            return;
        }
        Organization lean = withoutOutbox(organization);
        if (held != null) {
            byName.remove(new Key(held.name(), held.id()));
            byStreet.get(held.street()).remove(new Key(held.name(), held.id()));
            byIndustry.get(held.industry()).remove(new Key(held.name(), held.id()));
            for (String bigram : bigrams(held.name())) {
                idsByBigram.getOrDefault(bigram, Set.of()).remove(held.id());
            }
        }
        for (String bigram : bigrams(lean.name())) {
            idsByBigram.computeIfAbsent(bigram, b -> ConcurrentHashMap.newKeySet()).add(lean.id());
        }
        byId.put(lean.id(), lean);
        byName.put(new Key(lean.name(), lean.id()), lean);
        byStreet.computeIfAbsent(lean.street(), s -> new ConcurrentSkipListMap<>(ORDER)).put(new Key(lean.name(), lean.id()), lean);
        byIndustry.computeIfAbsent(lean.industry(), s -> new ConcurrentSkipListMap<>(ORDER)).put(new Key(lean.name(), lean.id()), lean);
    }

    /** Whether the held state is at least this version (an event of it changes nothing here). */
    public boolean holds(String id, long version) {
        Organization held = byId.get(id);
        return held != null && held.version() >= version;
    }

    public int size() {
        return byId.size();
    }

    /** A page of the organizations matching the filter, in the order of {@code name, _id}, and how many match. */
    public PageResponse<Organization> page(OrganizationFilter filter, PageQuery page) {
        ConcurrentSkipListMap<Key, Organization> candidates = candidates(filter);
        List<Organization> items = new ArrayList<>(page.size());
        boolean onlyNarrowedByMap = filter.type() == null && filter.status() == null && (filter.q() == null || filter.q().isBlank())
                && (filter.street() == null || filter.industry() == null);
        if (onlyNarrowedByMap) {
            // The map holds exactly what matches: its size is the total, and only the page is walked.
            long skipped = 0;
            for (Organization o : candidates.values()) {
                if (skipped++ < page.offset()) {
                    continue;
                }
                if (items.size() == page.size()) {
                    break;
                }
                items.add(o);
            }
            return PageResponse.of(items, page, candidates.size());
        }
        Predicate<Organization> matches = matcher(filter);
        String q = filter.q() == null ? "" : filter.q().trim();
        if (q.length() >= 2) {
            return byNamePieces(q, matches, page);
        }
        long total = 0;
        for (Organization o : candidates.values()) {
            if (matches.test(o)) {
                if (total >= page.offset() && items.size() < page.size()) {
                    items.add(o);
                }
                total++;
            }
        }
        return PageResponse.of(items, page, total);
    }

    /** Pages of the organizations whose names hold every two-character piece of {@code q}, checked and sorted by name. */
    private PageResponse<Organization> byNamePieces(String q, Predicate<Organization> matches, PageQuery page) {
        List<Set<String>> sets = new ArrayList<>();
        for (String bigram : bigrams(q)) {
            sets.add(idsByBigram.getOrDefault(bigram, Set.of()));
        }
        sets.sort(Comparator.comparingInt(Set::size));
        List<Organization> found = new ArrayList<>();
        for (String id : sets.get(0)) {
            Organization o = byId.get(id);
            if (o != null && matches.test(o)) {
                found.add(o);
            }
        }
        found.sort(Comparator.comparing(Organization::name).thenComparing(Organization::id));
        int from = (int) Math.min(page.offset(), found.size());
        return PageResponse.of(found.subList(from, Math.min(from + page.size(), found.size())), page, found.size());
    }

    private static Set<String> bigrams(String name) {
        Set<String> pieces = new HashSet<>();
        for (int i = 0; i + 2 <= name.length(); i++) {
            pieces.add(name.substring(i, i + 2));
        }
        return pieces;
    }

    /** The smallest map that holds every organization the filter can match. */
    private ConcurrentSkipListMap<Key, Organization> candidates(OrganizationFilter filter) {
        ConcurrentSkipListMap<Key, Organization> empty = new ConcurrentSkipListMap<>(ORDER);
        ConcurrentSkipListMap<Key, Organization> street = filter.street() == null ? null : byStreet.getOrDefault(filter.street(), empty);
        ConcurrentSkipListMap<Key, Organization> industry = filter.industry() == null ? null
                : byIndustry.getOrDefault(filter.industry(), empty);
        if (street != null && industry != null) {
            return street.size() <= industry.size() ? street : industry;
        }
        return street != null ? street : industry != null ? industry : byName;
    }

    private static Predicate<Organization> matcher(OrganizationFilter f) {
        String q = f.q() == null || f.q().isBlank() ? null : f.q().trim();
        return o -> (f.street() == null || f.street().equals(o.street()))
                && (f.type() == null || f.type() == o.type())
                && (f.industry() == null || f.industry().equals(o.industry()))
                && (f.status() == null || f.status() == o.status())
                && (q == null || o.name().contains(q));
    }

    private static Organization withoutOutbox(Organization o) {
        return o.outbox().isEmpty() ? o : new Organization(o.id(), o.version(), o.name(), o.creditCode(), o.activeCreditCode(),
                o.type(), o.registrationLevel(), o.registeredOn(), o.supervisoryUnit(), o.industry(), o.street(), o.address(),
                o.legalRepresentative(), o.employees(), o.fullTimeStaff(), o.operatingStatus(), o.status(), o.deregisteredOn(),
                o.deregistrationReason(), o.createdAt(), o.updatedAt(), List.of());
    }
}
