package org.partybuilding.registry.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.data.domain.Sort;
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

        static Key of(Organization organization) {
            return new Key(organization.name(), organization.id());
        }
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::name).thenComparing(Key::id);

    /**
     * Organizations in list order with their number: a skip list's own {@code size()} walks every entry, which
     * for the whole register was a good part of an unfiltered page.
     */
    private static final class Group {

        final ConcurrentSkipListMap<Key, Organization> byKey = new ConcurrentSkipListMap<>(ORDER);
        final AtomicInteger size = new AtomicInteger();

        void add(Organization organization) {
            if (byKey.put(Key.of(organization), organization) == null) {
                size.incrementAndGet();
            }
        }

        void remove(Organization organization) {
            if (byKey.remove(Key.of(organization)) != null) {
                size.decrementAndGet();
            }
        }
    }

    private static final Group EMPTY = new Group();

    private final Group all = new Group();
    /** The same, per street and per industry: a filtered list walks only the smaller of them. */
    private final Map<String, Group> byStreet = new ConcurrentHashMap<>();
    private final Map<String, Group> byIndustry = new ConcurrentHashMap<>();
    private final Map<String, Organization> byId = new ConcurrentHashMap<>();
    /** Ids by every two-character piece of their names: "name contains" looks at the few that hold all of the query's pieces. */
    private final Map<String, Set<String>> idsByBigram = new ConcurrentHashMap<>();
    /**
     * The organizations holding a piece, in list order, made when a query needs them and dropped when one of them
     * changes: sorting them for every "name contains" request was four fifths of its time. (A sorted map per piece
     * instead made each organization an import adds cost ten sorted insertions.)
     */
    private final Map<String, List<Organization>> sortedByBigram = new ConcurrentHashMap<>();

    /** Takes the organization's state if it is newer than what is held. */
    public synchronized void put(Organization organization) {
        Organization held = byId.get(organization.id());
        if (held != null && held.version() >= organization.version()) {
            return;
        }
        Organization lean = withoutOutbox(organization);
        if (held != null) {
            all.remove(held);
            byStreet.getOrDefault(held.street(), EMPTY).remove(held);
            byIndustry.getOrDefault(held.industry(), EMPTY).remove(held);
            for (String bigram : bigrams(held.name())) {
                idsByBigram.getOrDefault(bigram, Set.of()).remove(held.id());
                sortedByBigram.remove(bigram);
            }
        }
        byId.put(lean.id(), lean);
        all.add(lean);
        byStreet.computeIfAbsent(lean.street(), s -> new Group()).add(lean);
        byIndustry.computeIfAbsent(lean.industry(), s -> new Group()).add(lean);
        for (String bigram : bigrams(lean.name())) {
            idsByBigram.computeIfAbsent(bigram, b -> ConcurrentHashMap.newKeySet()).add(lean.id());
            sortedByBigram.remove(bigram);
        }
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
        return page(filter, OrganizationSort.BY_NAME, page);
    }

    /**
     * A page of the organizations matching the filter in the order asked for, and how many match. In any order but the
     * directory's own (name), the matching organizations are sorted for the request.
     */
    public PageResponse<Organization> page(OrganizationFilter filter, Sort sort, PageQuery page) {
        if (!sort.equals(OrganizationSort.BY_NAME)) {
            List<Organization> matching = new ArrayList<>();
            Predicate<Organization> matches = matcher(filter);
            for (Organization o : candidates(filter)) {
                if (matches.test(o)) {
                    matching.add(o);
                }
            }
            matching.sort(OrganizationSort.comparator(sort));
            return PageResponse.of(matching.stream().skip(page.offset()).limit(page.size()).toList(), page, matching.size());
        }
        String q = filter.q() == null ? "" : filter.q().trim();
        if (q.isEmpty()) {
            Group group = narrowestGroup(filter);
            boolean groupIsTheAnswer = filter.type() == null && filter.status() == null
                    && (filter.street() == null || filter.industry() == null);
            if (groupIsTheAnswer) {
                // The group holds exactly what matches: its size is the total, and only the page is walked.
                List<Organization> items = group.byKey.values().stream().skip(page.offset()).limit(page.size()).toList();
                return PageResponse.of(items, page, group.size.get());
            }
        }
        return pageOf(candidates(filter), matcher(filter), page);
    }

    /**
     * In list order, organizations that include every one the filter matches: for a name of two characters or more, those
     * whose names hold its rarest piece; for a query that may be (part of) a credit code, or none, the narrowest group.
     */
    private Iterable<Organization> candidates(OrganizationFilter filter) {
        String q = filter.q() == null ? "" : filter.q().trim();
        if (q.length() >= 2 && !CreditCode.mayBePartOf(q)) {
            return holdingRarestPiece(q);
        }
        return narrowestGroup(filter).byKey.values();
    }

    /** The page of the candidates (in list order) that match, and how many match. */
    private static PageResponse<Organization> pageOf(Iterable<Organization> candidates, Predicate<Organization> matches,
            PageQuery page) {
        List<Organization> items = new ArrayList<>(page.size());
        long total = 0;
        for (Organization o : candidates) {
            if (matches.test(o)) {
                if (total >= page.offset() && items.size() < page.size()) {
                    items.add(o);
                }
                total++;
            }
        }
        return PageResponse.of(items, page, total);
    }

    /** In list order, the organizations whose names hold the rarest two-character piece of {@code q}. */
    private List<Organization> holdingRarestPiece(String q) {
        String rarest = bigrams(q).stream()
                .min(Comparator.comparingInt(bigram -> idsByBigram.getOrDefault(bigram, Set.of()).size())).orElseThrow();
        List<Organization> sorted = sortedByBigram.get(rarest);
        if (sorted != null) {
            return sorted;
        }
        synchronized (this) { // as put: a list made from a piece's ids while they change would be kept stale
            return sortedByBigram.computeIfAbsent(rarest, bigram -> idsByBigram.getOrDefault(bigram, Set.of()).stream()
                    .map(byId::get).filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparing(Organization::name).thenComparing(Organization::id)).toList());
        }
    }

    private static Set<String> bigrams(String name) {
        Set<String> pieces = new HashSet<>();
        for (int i = 0; i + 2 <= name.length(); i++) {
            pieces.add(name.substring(i, i + 2));
        }
        return pieces;
    }

    /** The smallest group that holds every organization the filter can match. */
    private Group narrowestGroup(OrganizationFilter filter) {
        Group street = filter.street() == null ? null : byStreet.getOrDefault(filter.street(), EMPTY);
        Group industry = filter.industry() == null ? null : byIndustry.getOrDefault(filter.industry(), EMPTY);
        if (street != null && industry != null) {
            return street.size.get() <= industry.size.get() ? street : industry;
        }
        return street != null ? street : industry != null ? industry : all;
    }

    private static Predicate<Organization> matcher(OrganizationFilter f) {
        String q = f.q() == null || f.q().isBlank() ? null : f.q().trim();
        return o -> (f.street() == null || f.street().equals(o.street()))
                && (f.type() == null || f.type() == o.type())
                && (f.industry() == null || f.industry().equals(o.industry()))
                && (f.status() == null || f.status() == o.status())
                && (q == null || o.name().contains(q) || o.creditCode().contains(q.toUpperCase(Locale.ROOT)));
    }

    private static Organization withoutOutbox(Organization o) {
        return o.outbox().isEmpty() ? o : new Organization(o.id(), o.version(), o.name(), o.creditCode(), o.activeCreditCode(),
                o.type(), o.registrationLevel(), o.registeredOn(), o.supervisoryUnit(), o.industry(), o.street(), o.address(),
                o.legalRepresentative(), o.employees(), o.fullTimeStaff(), o.operatingStatus(), o.status(), o.deregisteredOn(),
                o.deregistrationReason(), o.createdAt(), o.updatedAt(), List.of());
    }
}
