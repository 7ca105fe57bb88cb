package org.partybuilding.member.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What the directory reads from the database at start is what a write puts into it: every member (former ones too),
 * with the dated facts the annual report and the work inbox read (status, leaving, transfers, mobile membership, the
 * flag and its day).
 */
class MemberDirectoryLoadApiTest extends MemberApiTestBase {

    @Test
    void theStartUpLoadReadsEveryMemberAsAWritePutsIt() {
        Instant changed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StageDates dates = new StageDates(LocalDate.of(2014, 5, 1), LocalDate.of(2015, 5, 1), LocalDate.of(2016, 5, 1),
                LocalDate.of(2016, 7, 1), LocalDate.of(2017, 7, 1));
        Transfer in = new Transfer("t-load-1", Transfer.TransferKind.IN, null, "po-load", null, "外区", Transfer.TransferState.COMPLETED,
                LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 10), null, changed);
        Transfer open = new Transfer("t-load-2", Transfer.TransferKind.OUT, "po-load", "po-other", null, null,
                Transfer.TransferState.REQUESTED, LocalDate.of(2026, 1, 2), null, null, changed);
        Member mobileFlagged = member("m-load-1", MemberStatus.ACTIVE, null, true, List.of(in, open),
                new MobileMembership("外地党支部", "LD-1", LocalDate.of(2025, 1, 1), false), dates, changed);
        Member left = member("m-load-2", MemberStatus.LEFT, LocalDate.of(2026, 2, 1), false, List.of(), null, dates, changed);
        Member applicant = member("m-load-3", MemberStatus.ACTIVE, null, false, List.of(), null,
                new StageDates(LocalDate.of(2026, 1, 3), null, null, null, null), changed);
        mongo.insertAll(List.of(mobileFlagged, left, applicant)).then().block();
        try {
            loadedAsWritten(mobileFlagged, left, applicant, changed);
        } finally {
            // their personal data is not sealed: the lists of other tests would fail to open it
            mongo.remove(Query.query(Criteria.where("_id").in("m-load-1", "m-load-2", "m-load-3")), Member.class).block();
        }
    }

    private void loadedAsWritten(Member mobileFlagged, Member left, Member applicant, Instant changed) {
        MemberDirectory fresh = new MemberDirectory();
        new MemberDirectoryUpdates(fresh, mongo).run(null);

        for (Member m : List.of(mobileFlagged, left, applicant)) {
            assertThat(fresh.everyone(e -> e.id().equals(m.id()))).singleElement().isEqualTo(MemberDirectory.Entry.of(m));
        }
        assertThat(fresh.matching(e -> e.id().startsWith("m-load-"))).extracting(MemberDirectory.Entry::id)
                .containsExactlyInAnyOrder("m-load-1", "m-load-3");
        assertThat(MemberDirectory.Entry.of(left).flaggedAt()).isNull();
        assertThat(MemberDirectory.Entry.of(mobileFlagged).flaggedAt()).isEqualTo(changed);
    }

    private static Member member(String id, MemberStatus status, LocalDate leftOn, boolean flagged, List<Transfer> transfers,
            MobileMembership mobile, StageDates dates, Instant changed) {
        Stage stage = dates.confirmedOn() != null ? Stage.FORMAL : Stage.APPLICANT;
        return new Member(id, 3, "成员" + id, Gender.FEMALE, LocalDate.of(1990, 1, 1), "sealed", "hash-" + id, "sealed", "本科",
                "org-load", "JIANSHE", "po-load", stage, dates, null, null, mobile, new BigDecimal("5000.00"), IncomeCategory.EMPLOYED,
                status, leftOn, flagged, transfers, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 1), changed, changed, List.of(),
                List.of());
    }
}
