package org.partybuilding.member.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;

class MemberDirectoryTest {

    private final MemberDirectory directory = new MemberDirectory();

    private static Member member(String id, long version, String street, Stage stage, MemberStatus status) {
        return new Member(id, version, "张三", Gender.MALE, LocalDate.of(1990, 1, 1), "sealed", "hash", "sealed", null, "org-1",
                street, "po-1", stage, new StageDates(LocalDate.of(2024, 3, 1), null, null, null, null), null, null, null, null,
                IncomeCategory.EMPLOYED, status, null, false, List.of(), null, LocalDate.of(2026, 1, 5), null, null, List.of(), List.of());
    }

    private List<MemberDirectory.Entry> all() {
        return List.copyOf(directory.matching(e -> true));
    }

    @Test
    void keepsOnlyTheNewestVersionOfAnActiveMember() {
        directory.put(member("m1", 2, "JIANSHE", Stage.ACTIVIST, MemberStatus.ACTIVE));
        directory.put(member("m1", 1, "JIANSHE", Stage.APPLICANT, MemberStatus.ACTIVE));

        assertThat(all()).singleElement().satisfies(e -> assertThat(e.stage()).isEqualTo(Stage.ACTIVIST));
        assertThat(directory.holds("m1", 2)).isTrue();
        assertThat(directory.holds("m1", 3)).isFalse();
    }

    @Test
    void aMemberWhoLeftIsGoneAndAnOlderStateDoesNotBringThemBack() {
        directory.put(member("m1", 1, "JIANSHE", Stage.FORMAL, MemberStatus.ACTIVE));
        directory.put(member("m1", 2, "JIANSHE", Stage.FORMAL, MemberStatus.LEFT));
        directory.put(member("m1", 1, "JIANSHE", Stage.FORMAL, MemberStatus.ACTIVE));

        assertThat(all()).isEmpty();
        assertThat(directory.holds("m1", 2)).isTrue();
    }

    @Test
    void aLoadedStateDoesNotReplaceANewerWriteSeenMeanwhile() {
        directory.put(member("m1", 3, "JIANSHE", Stage.PROBATIONARY, MemberStatus.ACTIVE));
        directory.load(MemberDirectory.Entry.of(member("m1", 2, "JIANSHE", Stage.DEVELOPMENT_TARGET, MemberStatus.ACTIVE)));

        assertThat(all()).singleElement().satisfies(e -> assertThat(e.version()).isEqualTo(3));
    }

    @Test
    void membersFollowTheirEmployerToAnotherStreet() {
        directory.put(member("m1", 1, "JIANSHE", Stage.FORMAL, MemberStatus.ACTIVE));
        directory.put(member("m2", 1, "JIANSHE", Stage.FORMAL, MemberStatus.ACTIVE));

        directory.employerMoved("org-1", "DONGSHAN");
        directory.employerMoved("org-2", "BEIJING_ROAD");

        assertThat(all()).extracting(MemberDirectory.Entry::street).containsOnly("DONGSHAN");
    }

    @Test
    void aFormerMemberIsKeptWithTheDatedFactsTheAnnualReportReadsAndFollowsTheEmployer() {
        Transfer out = new Transfer("t1", Transfer.TransferKind.OUT_OF_DISTRICT, "po-1", null, "天河区", null,
                Transfer.TransferState.COMPLETED, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5), null, null);
        Member active = member("m1", 1, "JIANSHE", Stage.FORMAL, MemberStatus.ACTIVE);
        directory.put(active);
        directory.put(new Member("m1", 2, active.name(), active.gender(), active.birthDate(), active.idNumberSealed(),
                active.idNumberHash(), active.phoneSealed(), null, "org-1", "JIANSHE", "po-1", Stage.FORMAL, active.stageDates(), null,
                null, null, null, IncomeCategory.EMPLOYED, MemberStatus.TRANSFERRED_OUT, null, false, List.of(out), null,
                active.onPlatformSince(), null, null, List.of(), List.of()));
        directory.load(MemberDirectory.Entry.of(active)); // an older state read at start brings nobody back

        assertThat(all()).isEmpty();
        directory.employerMoved("org-1", "DONGSHAN");
        assertThat(directory.everyone(e -> true)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(MemberStatus.TRANSFERRED_OUT);
            assertThat(e.street()).isEqualTo("DONGSHAN");
            assertThat(e.transfers()).singleElement().satisfies(t -> {
                assertThat(t.kind()).isEqualTo(Transfer.TransferKind.OUT_OF_DISTRICT);
                assertThat(t.state()).isEqualTo(Transfer.TransferState.COMPLETED);
                assertThat(t.finishedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
            });
        });
        assertThat(directory.holds("m1", 2)).isTrue();
    }
}
