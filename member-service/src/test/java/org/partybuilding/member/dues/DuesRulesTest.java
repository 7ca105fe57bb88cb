package org.partybuilding.member.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partybuilding.member.members.IncomeCategory;

/** Rule 11 at the edges of its brackets, its fixed amount, rounding to the fen, and the arrears flag. */
class DuesRulesTest {

    private static DuesSettings.Bracket bracket(String upTo, String rate) {
        return new DuesSettings.Bracket(upTo == null ? null : new BigDecimal(upTo), new BigDecimal(rate));
    }

    static final DuesSettings SETTINGS = new DuesSettings(6, new BigDecimal("0.20"),
            Set.of(IncomeCategory.STUDENT, IncomeCategory.UNEMPLOYED, IncomeCategory.HARDSHIP),
            Map.of(IncomeCategory.EMPLOYED, List.of(bracket("3000.00", "0.005"), bracket("5000.00", "0.01"),
                            bracket("10000.00", "0.015"), bracket(null, "0.02")),
                    IncomeCategory.RETIRED, List.of(bracket("5000.00", "0.005"), bracket(null, "0.01"))));

    private final DuesRules rules = new DuesRules(SETTINGS);

    private String amount(IncomeCategory category, String income) {
        return rules.due(category, new BigDecimal(income)).amount().toPlainString();
    }

    @Test
    void employedMembersPayByBracketWithEachLimitInTheLowerBracket() {
        assertThat(amount(IncomeCategory.EMPLOYED, "3000.00")).isEqualTo("15.00");
        assertThat(amount(IncomeCategory.EMPLOYED, "3000.01")).isEqualTo("30.00");
        assertThat(amount(IncomeCategory.EMPLOYED, "5000.00")).isEqualTo("50.00");
        assertThat(amount(IncomeCategory.EMPLOYED, "5000.01")).isEqualTo("75.00");
        assertThat(amount(IncomeCategory.EMPLOYED, "10000.00")).isEqualTo("150.00");
        assertThat(amount(IncomeCategory.EMPLOYED, "10000.01")).isEqualTo("200.00");
        assertThat(amount(IncomeCategory.EMPLOYED, "0")).isEqualTo("0.00");
    }

    @Test
    void retiredMembersPayHalfAPercentUpTo5000AndOnePercentAbove() {
        assertThat(amount(IncomeCategory.RETIRED, "5000.00")).isEqualTo("25.00");
        assertThat(amount(IncomeCategory.RETIRED, "5000.01")).isEqualTo("50.00");
    }

    @Test
    void studentsTheUnemployedAndMembersInHardshipPayTwentyFen() {
        for (IncomeCategory category : List.of(IncomeCategory.STUDENT, IncomeCategory.UNEMPLOYED, IncomeCategory.HARDSHIP)) {
            DuesRules.Due due = rules.due(category, new BigDecimal("12000"));
            assertThat(due.amount().toPlainString()).isEqualTo("0.20");
            assertThat(due.rate()).isNull();
        }
    }

    @Test
    void amountsAreRoundedToTheFenHalfUp() {
        assertThat(amount(IncomeCategory.EMPLOYED, "1001.00")).isEqualTo("5.01");
        assertThat(amount(IncomeCategory.EMPLOYED, "1234.57")).isEqualTo("6.17");
        assertThat(amount(IncomeCategory.EMPLOYED, "3333.33")).isEqualTo("33.33");
        assertThat(amount(IncomeCategory.EMPLOYED, "6666.67")).isEqualTo("100.00");
    }

    @Test
    void sixConsecutiveUnpaidMonthsBeforeTheCurrentOneRaiseTheFlag() {
        YearMonth now = YearMonth.of(2026, 11);
        YearMonth first = YearMonth.of(2024, 1);
        int five = rules.unpaidMonths(first, now, Set.of(YearMonth.of(2026, 5)));
        assertThat(five).isEqualTo(5);
        assertThat(rules.inArrears(five)).isFalse();
        int six = rules.unpaidMonths(first, now, Set.of(YearMonth.of(2026, 4), YearMonth.of(2026, 11)));
        assertThat(six).isEqualTo(6);
        assertThat(rules.inArrears(six)).isTrue();
        assertThat(rules.unpaidMonths(YearMonth.of(2026, 8), now, Set.of())).isEqualTo(3);
    }

    @Test
    void monthsAreOwedFromTheLaterOfAdmissionAndComingUnderThePlatform() {
        // admitted 2019, registered 2026-12: nothing is owed before 2026-12, so no arrears that day
        assertThat(rules.owedFrom(LocalDate.of(2019, 3, 15), LocalDate.of(2026, 12, 6))).isEqualTo(YearMonth.of(2026, 12));
        assertThat(rules.unpaidMonths(YearMonth.of(2026, 12), YearMonth.of(2026, 12), Set.of())).isZero();
        // admitted after coming under the platform: from the admission
        assertThat(rules.owedFrom(LocalDate.of(2026, 3, 1), LocalDate.of(2025, 1, 1))).isEqualTo(YearMonth.of(2026, 3));
        // members stored before the platform kept the day: from the admission
        assertThat(rules.owedFrom(LocalDate.of(2019, 3, 15), null)).isEqualTo(YearMonth.of(2019, 3));
    }

    @Test
    void unpaidMonthsCountFromTheLastMonthPaidOrFromWhenTheyAreOwed() {
        YearMonth now = YearMonth.of(2026, 12);
        assertThat(rules.unpaidMonths(YearMonth.of(2026, 4), now, (YearMonth) null)).isEqualTo(8);
        assertThat(rules.unpaidMonths(YearMonth.of(2026, 4), now, YearMonth.of(2026, 5))).isEqualTo(6);
        assertThat(rules.unpaidMonths(YearMonth.of(2026, 4), now, YearMonth.of(2026, 11))).isZero();
        // a payment for a month before they were owed does not shorten the count
        assertThat(rules.unpaidMonths(YearMonth.of(2026, 4), now, YearMonth.of(2025, 1))).isEqualTo(8);
        assertThat(rules.latestOwedFromInArrears(now)).isEqualTo(YearMonth.of(2026, 6));
    }
}
