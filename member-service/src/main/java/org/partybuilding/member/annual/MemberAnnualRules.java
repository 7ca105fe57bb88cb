package org.partybuilding.member.annual;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.member.members.MemberStatus;
import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;
import org.partybuilding.member.members.Transfer;

/**
 * The member figures of the annual report from the dated facts every member already carries (stage dates, the date of
 * leaving, transfers with the day they finished), in plain Java — member-service needs no history of its own for them:
 * <ul>
 * <li>developed per stage reached: the members whose date of reaching that stage lies in the year;</li>
 * <li>transfers per kind: completed transfers that finished in the year;</li>
 * <li>party members (formal, probationary) on a day: admitted by then, and not gone by then — left, transferred out of
 *     the district, or not yet transferred in (an {@code IN} transfer finished after it).</li>
 * </ul>
 */
public final class MemberAnnualRules {

    /** What the rules read of a member. */
    public record Facts(StageDates dates, MemberStatus status, LocalDate leftOn, List<Transfer> transfers) {
    }

    private MemberAnnualRules() {
    }

    public static boolean within(LocalDate date, int year) {
        return date != null && date.getYear() == year;
    }

    /** The stages this member reached in the year. */
    public static void developed(Facts m, int year, Map<Stage, Integer> counts) {
        StageDates d = m.dates();
        if (d == null) {
            return;
        }
        for (Stage s : List.of(Stage.APPLICANT, Stage.ACTIVIST, Stage.DEVELOPMENT_TARGET, Stage.PROBATIONARY, Stage.FORMAL)) {
            if (within(d.of(s), year)) {
                counts.merge(s, 1, Integer::sum);
            }
        }
    }

    public static void transfers(Facts m, int year, Map<Transfer.TransferKind, Integer> counts) {
        for (Transfer t : m.transfers() == null ? List.<Transfer>of() : m.transfers()) {
            if (t.state() == Transfer.TransferState.COMPLETED && within(t.finishedOn(), year)) {
                counts.merge(t.kind(), 1, Integer::sum);
            }
        }
    }

    /** The member's party standing on {@code day}: {@code FORMAL}, {@code PROBATIONARY}, or {@code null} (not a party member here). */
    public static Stage partyStandingOn(Facts m, LocalDate day) {
        StageDates d = m.dates();
        if (d == null || d.admittedOn() == null || d.admittedOn().isAfter(day)) {
            return null;
        }
        if (m.status() == MemberStatus.LEFT && (m.leftOn() == null || !m.leftOn().isAfter(day))) {
            return null;
        }
        List<Transfer> transfers = m.transfers() == null ? List.of() : m.transfers();
        if (m.status() == MemberStatus.TRANSFERRED_OUT) {
            LocalDate out = transfers.stream().filter(t -> t.kind() == Transfer.TransferKind.OUT_OF_DISTRICT
                    && t.state() == Transfer.TransferState.COMPLETED && t.finishedOn() != null)
                    .map(Transfer::finishedOn).max(LocalDate::compareTo).orElse(null);
            if (out == null || !out.isAfter(day)) {
                return null;
            }
        }
        boolean cameInLater = transfers.stream().anyMatch(t -> t.kind() == Transfer.TransferKind.IN
                && t.state() == Transfer.TransferState.COMPLETED && t.finishedOn() != null && t.finishedOn().isAfter(day));
        if (cameInLater) {
            return null;
        }
        return d.confirmedOn() != null && !d.confirmedOn().isAfter(day) ? Stage.FORMAL : Stage.PROBATIONARY;
    }

    public static Map<Stage, Integer> emptyStages() {
        Map<Stage, Integer> m = new EnumMap<>(Stage.class);
        for (Stage s : List.of(Stage.APPLICANT, Stage.ACTIVIST, Stage.DEVELOPMENT_TARGET, Stage.PROBATIONARY, Stage.FORMAL)) {
            m.put(s, 0);
        }
        return m;
    }
}
