package org.partybuilding.member.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Set;

import org.partybuilding.member.members.IncomeCategory;

/**
 * Rule 11, dues (党费): a monthly rate on after-tax monthly income by bracket — employed members
 * ≤ 3,000 yuan 0.5%, 3,000–5,000 1%, 5,000–10,000 1.5%, above 2%; retired ≤ 5,000 0.5%, above 1% —
 * or a fixed 0.20 yuan for students, the unemployed and members in hardship; rounded to the fen.
 * Six consecutive unpaid months raise the arrears flag.
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
