package org.partybuilding.platform.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * {@code GET /api/<service>/inbox}: the items due in the caller's scope, oldest first (by the date each fell or falls
 * due, then kind and subject name), at most {@code limit} of them, {@code total} how many there are, and the count per
 * kind over all of them — every kind the service knows, zeros included, so the portal can show "0" rather than guess.
 */
public record Inbox(List<InboxItem> items, int total, Map<String, Integer> counts) {

    /** How many items an inbox answers unless asked otherwise ({@code ?limit=}), and at most. */
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 10_000;

    private static final Comparator<InboxItem> OLDEST_FIRST = Comparator.comparing(InboxItem::dueDate)
            .thenComparing(InboxItem::kind)
            .thenComparing(i -> i.subjectName() == null ? "" : i.subjectName())
            .thenComparing(InboxItem::subjectId);

    public Inbox {
        items = List.copyOf(items);
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /**
     * The inbox of these items, sorted, counted per kind, the first {@code limit} kept; {@code kinds} are the service's
     * kinds in display order. Only the first {@code limit} are sorted (a district-wide inbox has tens of thousands of
     * items and answers 500): the items are picked through a heap of {@code limit}, in which most items are compared
     * once with the latest kept; the order is total (subject id last), so the items kept are those a full sort puts first.
     */
    public static Inbox of(Collection<InboxItem> items, Collection<String> kinds, int limit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        kinds.forEach(kind -> counts.put(kind, 0));
        PriorityQueue<InboxItem> first = new PriorityQueue<>(Math.max(1, Math.min(limit, items.size()) + 1), OLDEST_FIRST.reversed());
        for (InboxItem item : items) {
            counts.merge(item.kind(), 1, Integer::sum);
            if (first.size() < limit) {
                first.add(item);
            } else if (limit > 0 && OLDEST_FIRST.compare(item, first.peek()) < 0) {
                first.poll();
                first.add(item);
            }
        }
        List<InboxItem> kept = new ArrayList<>(first);
        kept.sort(OLDEST_FIRST);
        return new Inbox(kept, items.size(), counts);
    }

    /** As {@link #of(Collection, Collection, int)} with the kinds of an enum. */
    public static <E extends Enum<E>> Inbox of(Collection<InboxItem> items, Class<E> kinds, int limit) {
        return of(items, java.util.Arrays.stream(kinds.getEnumConstants()).map(Enum::name).toList(), limit);
    }

    /** The {@code limit} query parameter checked: absent → {@link #DEFAULT_LIMIT}; outside 0..{@link #MAX_LIMIT} → 400. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 0 || requested > MAX_LIMIT) {
            throw new org.partybuilding.platform.problem.InvalidInputException("limit", "must be 0 to " + MAX_LIMIT);
        }
        return requested;
    }
}
