package org.partybuilding.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** An inbox keeps the items a full sort puts first (oldest first, then kind, name, id), counted over all of them. */
class InboxTest {

    private static final List<String> KINDS = List.of("B_KIND", "A_KIND", "C_KIND");

    @Test
    void theFirstItemsAreThoseAFullSortPutsFirstAndTheCountsCoverEveryItem() {
        Random random = new Random(26);
        List<InboxItem> items = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(40)); // many ties on the day
            String kind = KINDS.get(random.nextInt(2)); // C_KIND never occurs: counted 0
            String name = random.nextInt(5) == 0 ? null : "成员" + random.nextInt(50);
            items.add(random.nextBoolean()
                    ? new InboxItem(kind, "m-" + i, name, day, null, "RULE", "/members/m-" + i, null, null)
                    : new InboxItem(kind, "m-" + i, name, null, day, "RULE", "/members/m-" + i, null, null));
        }
        List<InboxItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(InboxItem::dueDate).thenComparing(InboxItem::kind)
                .thenComparing(i -> i.subjectName() == null ? "" : i.subjectName()).thenComparing(InboxItem::subjectId));

        for (int limit : new int[] {0, 1, 7, 500, 1_999, 2_000, 10_000}) {
            Inbox inbox = Inbox.of(items, KINDS, limit);
            assertThat(inbox.items()).as("limit %d", limit).containsExactlyElementsOf(sorted.subList(0, Math.min(limit, sorted.size())));
            assertThat(inbox.total()).isEqualTo(2_000);
            assertThat(inbox.counts()).containsOnlyKeys(KINDS);
            assertThat(inbox.counts().get("A_KIND") + inbox.counts().get("B_KIND")).isEqualTo(2_000);
            assertThat(inbox.counts().get("C_KIND")).isZero();
            assertThat(List.copyOf(inbox.counts().keySet())).containsExactlyElementsOf(KINDS);
        }
    }
}
