package org.partybuilding.member.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.member.members.MemberStatus;
import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;
import org.partybuilding.member.members.Transfer;

class MemberAnnualRulesTest {

    private static final StageDates DATES = new StageDates(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 9, 1), LocalDate.of(2023, 9, 1),
            LocalDate.of(2024, 10, 1), LocalDate.of(2025, 10, 1));

    private static Transfer transfer(Transfer.TransferKind kind, LocalDate finishedOn) {
        return new Transfer("t", kind, null, null, null, null, Transfer.TransferState.COMPLETED, finishedOn, finishedOn, null, null);
    }

    @Test
    void aMembersStandingOnADayFollowsAdmissionConfirmationLeavingAndTransfers() {
        MemberAnnualRules.Facts active = new MemberAnnualRules.Facts(DATES, MemberStatus.ACTIVE, null, List.of());
        assertThat(MemberAnnualRules.partyStandingOn(active, LocalDate.of(2024, 9, 30))).isNull();
        assertThat(MemberAnnualRules.partyStandingOn(active, LocalDate.of(2024, 12, 31))).isEqualTo(Stage.PROBATIONARY);
        assertThat(MemberAnnualRules.partyStandingOn(active, LocalDate.of(2025, 12, 31))).isEqualTo(Stage.FORMAL);

        MemberAnnualRules.Facts left = new MemberAnnualRules.Facts(DATES, MemberStatus.LEFT, LocalDate.of(2025, 6, 1), List.of());
        assertThat(MemberAnnualRules.partyStandingOn(left, LocalDate.of(2024, 12, 31))).isEqualTo(Stage.PROBATIONARY);
        assertThat(MemberAnnualRules.partyStandingOn(left, LocalDate.of(2025, 12, 31))).isNull();

        MemberAnnualRules.Facts out = new MemberAnnualRules.Facts(DATES, MemberStatus.TRANSFERRED_OUT, null,
                List.of(transfer(Transfer.TransferKind.OUT_OF_DISTRICT, LocalDate.of(2026, 3, 1))));
        assertThat(MemberAnnualRules.partyStandingOn(out, LocalDate.of(2025, 12, 31))).isEqualTo(Stage.FORMAL);
        assertThat(MemberAnnualRules.partyStandingOn(out, LocalDate.of(2026, 3, 1))).isNull();

        MemberAnnualRules.Facts cameIn = new MemberAnnualRules.Facts(DATES, MemberStatus.ACTIVE, null,
                List.of(transfer(Transfer.TransferKind.IN, LocalDate.of(2026, 2, 1))));
        assertThat(MemberAnnualRules.partyStandingOn(cameIn, LocalDate.of(2025, 12, 31))).as("not here yet").isNull();
        assertThat(MemberAnnualRules.partyStandingOn(cameIn, LocalDate.of(2026, 2, 1))).isEqualTo(Stage.FORMAL);
    }

    @Test
    void developedCountsTheStagesReachedInTheYearAndTransfersThoseFinishedInIt() {
        Map<Stage, Integer> developed = MemberAnnualRules.emptyStages();
        MemberAnnualRules.developed(new MemberAnnualRules.Facts(DATES, MemberStatus.ACTIVE, null, List.of()), 2022, developed);
        assertThat(developed).containsEntry(Stage.APPLICANT, 1).containsEntry(Stage.ACTIVIST, 1).containsEntry(Stage.FORMAL, 0);
        Map<Transfer.TransferKind, Integer> transfers = new EnumMap<>(Transfer.TransferKind.class);
        MemberAnnualRules.transfers(new MemberAnnualRules.Facts(DATES, MemberStatus.ACTIVE, null,
                List.of(transfer(Transfer.TransferKind.IN, LocalDate.of(2026, 2, 1)), transfer(Transfer.TransferKind.OUT,
                        LocalDate.of(2025, 2, 1)))), 2026, transfers);
        assertThat(transfers).containsExactly(Map.entry(Transfer.TransferKind.IN, 1));
    }
}
