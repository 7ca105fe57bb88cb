package org.partybuilding.funding.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.funding.context.DatedMembership;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.money.Money;
import org.partybuilding.platform.problem.FieldError;

/**
 * Rule 15 in plain Java: per party organization that existed on the snapshot date (established by then, not yet
 * dissolved), its members that counted on that date — formal and probationary, admitted by then, active then, and
 * in that party organization then ({@link DatedMembership}) — × the year's amount per member. One pass over the
 * members, one over the party organizations. A party organization with no such member gets no entry (an entry of 0.00
 * says nothing). Exact: {@code BigDecimal} times an integer.
 */
public final class AllocationRules {

    /** One party organization's share. */
    public record Share(String partyOrganizationId, String street, int members, BigDecimal amount) {
    }

    private AllocationRules() {
    }

    /** What a run's request must be: a fiscal year, and a snapshot date in it that is not in the future. */
    public static List<FieldError> check(Integer fiscalYear, LocalDate snapshotDate, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (fiscalYear == null) {
            errors.add(new FieldError("fiscalYear", "is required"));
        }
        if (snapshotDate == null) {
            errors.add(new FieldError("snapshotDate", "is required, a date such as 2026-06-30"));
        } else {
            if (fiscalYear != null && snapshotDate.getYear() != fiscalYear) {
                errors.add(new FieldError("snapshotDate", "must fall in the fiscal year " + fiscalYear));
            }
            if (snapshotDate.isAfter(today)) {
                errors.add(new FieldError("snapshotDate", "must not be in the future (today is " + today
                        + "): members are counted as they stood on that day"));
            }
        }
        return errors;
    }

    public static List<Share> shares(Collection<DatedMembership> members, Collection<PartyOrganizationView> partyOrganizations,
            LocalDate snapshotDate, BigDecimal perMember) {
        Map<String, int[]> counts = new HashMap<>();
        for (DatedMembership member : members) {
            String partyOrganizationId = member.countsFor(snapshotDate);
            if (partyOrganizationId != null) {
                counts.computeIfAbsent(partyOrganizationId, id -> new int[1])[0]++;
            }
        }
        BigDecimal rate = perMember.setScale(Money.SCALE);
        List<Share> shares = new ArrayList<>();
        for (PartyOrganizationView partyOrganization : partyOrganizations) {
            int[] count = counts.get(partyOrganization.id());
            if (count != null && partyOrganization.existsOn(snapshotDate)) {
                shares.add(new Share(partyOrganization.id(), partyOrganization.street(), count[0],
                        rate.multiply(BigDecimal.valueOf(count[0]))));
            }
        }
        shares.sort(Comparator.comparing(Share::partyOrganizationId));
        return shares;
    }
}
