package org.partybuilding.member.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import org.partybuilding.member.members.IncomeCategory;

/**
 * Rule 11, dues (党费): a monthly rate on after-tax monthly income by bracket — employed members
 * ≤ 3,000 yuan 0.5%, 3,000–5,000 1%, 5,000–10,000 1.5%, above 2%; retired ≤ 5,000 0.5%, above 1% —
 * or a fixed 0.20 yuan for students, the unemployed and members in hardship; rounded to the fen.
 * Six consecutive unpaid months raise the arrears flag; months are owed from the later of the member's admission and
 * the month the member came under the platform (registered, imported or transferred in), never before.
 */
public final class DuesRules {

    public static final String PARTY_MEMBERS_ONLY = "RULE_11_DUES_FROM_PARTY_MEMBERS";
    public static final String AMOUNT = "RULE_11_DUES_AMOUNT";

    private final DuesSettings settings;

    public DuesRules(DuesSettings settings) {
        this.settings = settings;
    }

    /** What a member pays for a month: {@code rate} is {@code null} for the fixed amount. */
    public record Due(BigDecimal base, BigDecimal rate, BigDecimal amount) {
    }

    public Due due(IncomeCategory category, BigDecimal monthlyIncome) {
        BigDecimal base = monthlyIncome.setScale(2, RoundingMode.HALF_UP);
        if (settings.fixedRateCategories().contains(category)) {
            return new Due(base, null, settings.fixedMonthlyAmount().setScale(2, RoundingMode.HALF_UP));
        }
        var brackets = settings.brackets().get(category);
        if (brackets == null || brackets.isEmpty()) {
            throw new IllegalStateException("member.dues.brackets has no brackets for " + category);
        }
        for (DuesSettings.Bracket bracket : brackets) {
            if (bracket.upTo() == null || base.compareTo(bracket.upTo()) <= 0) {
                return new Due(base, bracket.rate(), base.multiply(bracket.rate()).setScale(2, RoundingMode.HALF_UP));
            }
        }
        throw new IllegalStateException("member.dues.brackets for " + category + " must end with a bracket without up-to");
    }

    /**
     * The first month a member owes dues: the later of the month of admission (probationary) and the month the member
     * came under the platform ({@code null} for members stored before it was kept: the month of admission).
     */
    public YearMonth owedFrom(LocalDate admittedOn, LocalDate onPlatformSince) {
        // YearMonth.of rather than YearMonth.from (which asks the date for its chronology): the arrears list asks this of
        // every party member per request
        YearMonth admitted = YearMonth.of(admittedOn.getYear(), admittedOn.getMonth());
        if (onPlatformSince == null) {
            return admitted;
        }
        YearMonth arrived = YearMonth.of(onPlatformSince.getYear(), onPlatformSince.getMonth());
        return arrived.isAfter(admitted) ? arrived : admitted;
    }

    /**
     * Consecutive unpaid months before {@code current} since the last month paid ({@code null}: none), counted back to
     * {@code owedFrom} at most.
     */
    public int unpaidMonths(YearMonth owedFrom, YearMonth current, YearMonth lastPaid) {
        YearMonth from = lastPaid != null && !lastPaid.isBefore(owedFrom) ? lastPaid.plusMonths(1) : owedFrom;
        long months = from.until(current, java.time.temporal.ChronoUnit.MONTHS);
        return (int) Math.max(0, months);
    }

    /** The last month a member may have started owing to be in arrears in {@code current}: before it, too few months were owed. */
    public YearMonth latestOwedFromInArrears(YearMonth current) {
        return current.minusMonths(settings.arrearsMonths());
    }

    public int arrearsMonths() {
        return settings.arrearsMonths();
    }

    /**
     * Consecutive unpaid months before {@code current} (the month under way is not yet late), counted
     * back to the first month of membership at most.
     */
    public int unpaidMonths(YearMonth firstMonth, YearMonth current, Set<YearMonth> paid) {
        int unpaid = 0;
        for (YearMonth m = current.minusMonths(1); !m.isBefore(firstMonth); m = m.minusMonths(1)) {
            if (paid.contains(m)) {
                break;
            }
            unpaid++;
        }
        return unpaid;
    }

    public boolean inArrears(int unpaidMonths) {
        return unpaidMonths >= settings.arrearsMonths();
    }
}
