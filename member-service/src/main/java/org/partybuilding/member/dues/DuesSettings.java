package org.partybuilding.member.dues;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partybuilding.member.members.IncomeCategory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of rule 11 from configuration {@code member.dues.*}: the brackets per income category
 * (the last one without {@code upTo}), the fixed monthly amount of students, the unemployed and
 * members in hardship, and how many consecutive unpaid months raise the arrears flag.
 */
@ConfigurationProperties("member.dues")
public record DuesSettings(int arrearsMonths, BigDecimal fixedMonthlyAmount, Set<IncomeCategory> fixedRateCategories,
        Map<IncomeCategory, List<Bracket>> brackets) {

    /** Income up to and including {@code upTo} (no limit when absent) pays {@code rate}. */
    public record Bracket(BigDecimal upTo, BigDecimal rate) {
    }
}
