package org.partybuilding.funding.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.funding.context.DatedMembership;
import org.partybuilding.funding.context.MemberView;
import org.partybuilding.funding.context.PartyOrganizationView;

/** Rule 15 in plain Java, and money that is never off by a fen over 100,000 members. */
class AllocationRulesTest {

    private static final LocalDate SNAPSHOT = LocalDate.of(2026, 6, 30);

    private static PartyOrganizationView partyOrganization(String id) {
        return new PartyOrganizationView(id, 1, id, "BRANCH", "SINGLE", List.of(), "JIANSHE", "ACTIVE", LocalDate.of(2020, 1, 1));
    }

    /** A member as kept before dates were kept: its state counts as always so. */
    private static DatedMembership member(String id, String partyOrganizationId, String stage, String status, LocalDate admittedOn) {
        return DatedMembership.of(new MemberView(id, 1, "org", partyOrganizationId, "JIANSHE", stage, status, admittedOn));
    }

    @Test
    void onlyActiveFormalAndProbationaryMembersAdmittedByTheSnapshotDateCount() {
        List<DatedMembership> members = List.of(
                member("1", "po", "FORMAL", "ACTIVE", LocalDate.of(2020, 1, 1)),
                member("2", "po", "PROBATIONARY", "ACTIVE", SNAPSHOT),
                member("3", "po", "PROBATIONARY", "ACTIVE", SNAPSHOT.plusDays(1)),
                member("4", "po", "FORMAL", "LEFT", LocalDate.of(2020, 1, 1)),
                member("5", "po", "FORMAL", "TRANSFERRED_OUT", LocalDate.of(2020, 1, 1)),
                member("6", "po", "DEVELOPMENT_TARGET", "ACTIVE", null),
                member("7", null, "FORMAL", "ACTIVE", LocalDate.of(2020, 1, 1)),
                member("8", "po-unknown", "FORMAL", "ACTIVE", LocalDate.of(2020, 1, 1)));
        var shares = AllocationRules.shares(members, List.of(partyOrganization("po")), SNAPSHOT, new BigDecimal("100"));
        assertThat(shares).singleElement().satisfies(share -> {
            assertThat(share.members()).isEqualTo(2);
            assertThat(share.amount()).isEqualTo(new BigDecimal("200.00"));
        });
    }

    @Test
    void aPartyOrganizationEstablishedAfterTheSnapshotDateOrDissolvedByThenGetsNothingOneDissolvedLaterDoes() {
        var later = new PartyOrganizationView("later", 1, "later", "BRANCH", "SINGLE", List.of(), "JIANSHE", "ACTIVE",
                SNAPSHOT.plusDays(1));
        var dissolved = new PartyOrganizationView("gone", 2, "gone", "BRANCH", "SINGLE", List.of(), "JIANSHE", "DISSOLVED",
                LocalDate.of(2020, 1, 1), SNAPSHOT, false);
        var dissolvedLater = new PartyOrganizationView("then", 2, "then", "BRANCH", "SINGLE", List.of(), "JIANSHE", "DISSOLVED",
                LocalDate.of(2020, 1, 1), SNAPSHOT.plusDays(1), false);
        var undated = new PartyOrganizationView("undated", 2, "undated", "BRANCH", "SINGLE", List.of(), "JIANSHE", "DISSOLVED",
                LocalDate.of(2020, 1, 1), null, false);
        var members = List.of(member("1", "later", "FORMAL", "ACTIVE", null), member("2", "gone", "FORMAL", "ACTIVE", null),
                member("3", "then", "FORMAL", "ACTIVE", null), member("4", "undated", "FORMAL", "ACTIVE", null));
        assertThat(AllocationRules.shares(members, List.of(later, dissolved, dissolvedLater, undated), SNAPSHOT,
                new BigDecimal("100.00"))).singleElement().satisfies(share -> assertThat(share.partyOrganizationId()).isEqualTo("then"));
    }

    @Test
    void aSnapshotDateInTheFutureOrOutsideTheFiscalYearIsRefusedNamingIt() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertThat(AllocationRules.check(2026, today, today)).isEmpty();
        assertThat(AllocationRules.check(2024, LocalDate.of(2024, 6, 30), today)).isEmpty();
        assertThat(AllocationRules.check(2026, today.plusDays(1), today)).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("snapshotDate"));
        assertThat(AllocationRules.check(2099, LocalDate.of(2099, 1, 15), today)).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("future"));
        assertThat(AllocationRules.check(2025, LocalDate.of(2026, 1, 1), today)).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("fiscal year 2025"));
        assertThat(AllocationRules.check(null, null, today)).hasSize(2);
    }

    @Test
    void oneHundredThousandMembersInTenThousandPartyOrganizationsAreNeverOffByAFen() {
        List<PartyOrganizationView> partyOrganizations = new ArrayList<>();
        List<DatedMembership> members = new ArrayList<>();
        for (int p = 0; p < 10_000; p++) {
            partyOrganizations.add(partyOrganization("po-" + p));
        }
        for (int m = 0; m < 100_000; m++) {
            members.add(member("m-" + m, "po-" + (m % 10_000), m % 3 == 0 ? "PROBATIONARY" : "FORMAL", "ACTIVE", null));
        }
        // 33.33 has no exact binary form: a double sum of 100,000 of them drifts; BigDecimal must not.
        var shares = AllocationRules.shares(members, partyOrganizations, SNAPSHOT, new BigDecimal("33.33"));
        assertThat(shares).hasSize(10_000);
        assertThat(shares.stream().mapToInt(AllocationRules.Share::members).sum()).isEqualTo(100_000);
        BigDecimal total = shares.stream().map(AllocationRules.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualTo(new BigDecimal("3333000.00"));
        long fen = shares.stream().mapToLong(share -> share.amount().movePointRight(2).longValueExact()).sum();
        assertThat(fen).isEqualTo(333_300_000L);
        assertThat(shares).allSatisfy(share -> assertThat(share.amount()).isEqualTo(new BigDecimal("333.30")));
    }
}
