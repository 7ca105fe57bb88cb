package org.partybuilding.funding.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.MemberSnapshot;

/** Rule 15's "as it stood on the day" for one member: stays in party organizations and status from its events. */
class DatedMembershipTest {

    private static final LocalDate ADMITTED = LocalDate.of(2018, 3, 1);

    /** Member {@code m} at {@code version} in {@code po} since {@code since}, {@code status} since {@code statusSince}; event on {@code on}. */
    private static MemberView event(long version, String po, LocalDate since, String status, LocalDate statusSince, LocalDate on) {
        return MemberView.of(new MemberSnapshot("m", version, "党员", "FEMALE", "org", po, "JIANSHE", "FORMAL", status, false, false,
                ADMITTED, ADMITTED.plusYears(1), since, statusSince), on);
    }

    private static DatedMembership of(MemberView... events) {
        MemberView view = events[0];
        for (int i = 1; i < events.length; i++) {
            if (view.learnsFrom(events[i])) {
                view = view.with(events[i]);
            }
        }
        return DatedMembership.of(view);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aMemberCountsFromTheDayPlacedUntilTheDayItMovedOnAndNotAfterItLeft() {
        DatedMembership member = of(
                event(1, null, null, "ACTIVE", day("2026-12-01"), day("2026-12-01")),          // registered, no party organization
                event(2, "po-a", day("2023-03-01"), "ACTIVE", null, day("2026-12-01")),        // placed on the establishment
                event(3, "po-b", day("2024-09-01"), "ACTIVE", null, day("2026-12-02")),        // transferred
                event(4, "po-b", null, "LEFT", day("2025-05-10"), day("2026-12-03")));          // left
        assertThat(member.countsFor(day("2023-02-28"))).isNull();
        assertThat(member.countsFor(day("2023-03-01"))).isEqualTo("po-a");
        assertThat(member.countsFor(day("2024-08-31"))).isEqualTo("po-a");
        assertThat(member.countsFor(day("2024-09-01"))).isEqualTo("po-b");
        assertThat(member.countsFor(day("2025-05-09"))).isEqualTo("po-b");
        assertThat(member.countsFor(day("2025-05-10"))).isNull();
        assertThat(member.countsFor(day("2026-12-06"))).isNull();
        assertThat(member.stays()).containsExactly(new DatedMembership.Stay("po-a", day("2023-03-01"), day("2024-09-01")),
                new DatedMembership.Stay("po-b", day("2024-09-01"), null));
    }

    @Test
    void whereAnEventCarriesNoDateTheDayOfTheFirstEventShowingTheMemberThereStandsInForIt() {
        DatedMembership member = of(
                event(1, "po-a", null, "ACTIVE", null, day("2025-02-10")),
                event(2, "po-a", null, "ACTIVE", null, day("2025-07-01")),   // a later update: still since 2025-02-10
                event(3, "po-b", null, "ACTIVE", null, day("2025-08-15")),
                event(4, "po-b", null, "LEFT", null, day("2025-11-20")));
        assertThat(member.countsFor(day("2025-02-09"))).isNull();
        assertThat(member.countsFor(day("2025-06-30"))).isEqualTo("po-a");
        assertThat(member.countsFor(day("2025-08-15"))).isEqualTo("po-b");
        assertThat(member.countsFor(day("2025-11-19"))).isEqualTo("po-b");
        assertThat(member.countsFor(day("2025-11-20"))).isNull();
    }

    @Test
    void aMemberNotYetAdmittedOnTheDayIsNotAPartyMemberThen() {
        MemberView probationary = MemberView.of(new MemberSnapshot("p", 1, "党员", "MALE", "org", "po-a", "JIANSHE", "PROBATIONARY",
                "ACTIVE", false, false, day("2025-08-01"), null, day("2025-01-01"), null), day("2025-08-02"));
        assertThat(DatedMembership.of(probationary).countsFor(day("2025-07-31"))).isNull();
        assertThat(DatedMembership.of(probationary).countsFor(day("2025-08-01"))).isEqualTo("po-a");
        MemberView activist = MemberView.of(new MemberSnapshot("x", 1, "党员", "MALE", "org", "po-a", "JIANSHE", "ACTIVIST",
                "ACTIVE", false, false, null, null, day("2025-01-01"), null), day("2025-08-02"));
        assertThat(DatedMembership.of(activist).countsFor(day("2025-12-31"))).isNull();
    }

    @Test
    void aCorrectedDateOfJoiningMovesTheStaysStart() {
        DatedMembership member = of(event(1, "po-a", day("2025-06-01"), "ACTIVE", null, day("2025-06-01")),
                event(2, "po-a", day("2024-01-15"), "ACTIVE", null, day("2025-06-03")));
        assertThat(member.countsFor(day("2024-06-30"))).isEqualTo("po-a");
    }

    @Test
    void theSameEventsInAnyOrderAndAnyNumberOfTimesGiveTheSameMembership() {
        List<MemberView> events = new ArrayList<>(List.of(
                event(1, null, null, "ACTIVE", day("2026-12-01"), day("2026-12-01")),
                event(2, "po-a", day("2023-03-01"), "ACTIVE", null, day("2026-12-01")),
                event(3, "po-b", null, "ACTIVE", null, day("2024-09-01")),
                event(4, "po-b", null, "ACTIVE", null, day("2025-01-01")),
                event(5, "po-b", null, "TRANSFERRED_OUT", day("2025-05-10"), day("2026-12-03"))));
        List<String> expected = countsThroughTheYears(of(events.toArray(MemberView[]::new)));
        Random random = new Random(20);
        for (int round = 0; round < 50; round++) {
            List<MemberView> delivered = new ArrayList<>(events);
            delivered.add(events.get(random.nextInt(events.size()))); // a redelivery
            delivered.add(events.get(random.nextInt(events.size())));
            Collections.shuffle(delivered, random);
            assertThat(countsThroughTheYears(of(delivered.toArray(MemberView[]::new)))).as("order " + round).isEqualTo(expected);
        }
        assertThat(expected).containsExactly(null, "po-a", "po-b", "po-b", null);
    }

    private static List<String> countsThroughTheYears(DatedMembership member) {
        List<String> counted = new ArrayList<>();
        for (String d : List.of("2023-01-01", "2024-06-30", "2024-09-01", "2025-05-09", "2025-05-10")) {
            counted.add(member.countsFor(day(d)));
        }
        return counted;
    }

    @Test
    void aMemberKeptBeforeDatesWereKeptCountsAsItStandsOnEveryDay() {
        DatedMembership legacy = DatedMembership.of(new MemberView("l", 3, "org", "po-a", "JIANSHE", "FORMAL", "ACTIVE", ADMITTED));
        assertThat(legacy.countsFor(day("2020-06-30"))).isEqualTo("po-a");
        MemberView left = new MemberView("l2", 3, "org", "po-a", "JIANSHE", "FORMAL", "LEFT", ADMITTED);
        assertThat(DatedMembership.of(left).countsFor(day("2020-06-30"))).isNull();
        // an older event than what is kept adds nothing to a legacy view; a newer one dates what follows
        assertThat(left.learnsFrom(event(2, "po-a", null, "ACTIVE", null, day("2025-01-01")))).isFalse();
        MemberView newer = new MemberView("m", 3, "org", "po-a", "JIANSHE", "FORMAL", "ACTIVE", ADMITTED)
                .with(event(4, "po-b", day("2025-03-01"), "ACTIVE", null, day("2025-03-01")));
        assertThat(DatedMembership.of(newer).countsFor(day("2025-02-28"))).isEqualTo("po-a");
        assertThat(DatedMembership.of(newer).countsFor(day("2025-03-01"))).isEqualTo("po-b");
    }
}
