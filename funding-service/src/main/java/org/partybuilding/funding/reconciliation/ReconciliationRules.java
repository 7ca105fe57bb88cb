package org.partybuilding.funding.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partybuilding.funding.allocation.AllocationRules;
import org.partybuilding.funding.context.DatedMembership;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.ledger.EntryKind;
import org.partybuilding.funding.ledger.LedgerEntry;

/**
 * The reconciliation (对账) of a fiscal year in plain Java: what the ledger should hold, recomputed from the member
 * and party-organization facts, against what it holds, to the fen. Start-up grants (rule 14): one per party
 * organization established in the year, the year's start-up amount, except one recorded as pre-existing (established
 * in a year already closed when it was recorded: it never had a grant due). Working funds (rule 15): the allocation run's
 * shares, counted by {@link AllocationRules} itself (one home for the rule) on the run's snapshot date and rate; none
 * are due before the year's run. Adjustments are corrections with a reason, listed, never netted away.
 */
public final class ReconciliationRules {

    /** What one party organization should have and has of one kind. */
    public record Difference(String partyOrganizationId, String street, EntryKind kind, BigDecimal expected,
            BigDecimal booked, Integer expectedMembers, Integer bookedMembers) {

        public BigDecimal difference() {
            return booked.subtract(expected);
        }
    }

    /** The year's allocation run as far as reconciling goes: its snapshot date and rate; null before the run. */
    public record Run(LocalDate snapshotDate, BigDecimal perMemberYuan) {
    }

    /** Expected and booked totals, and every party organization and kind where they differ. */
    public record Result(BigDecimal expectedStartup, BigDecimal bookedStartup, BigDecimal expectedWorkingFunds,
            BigDecimal bookedWorkingFunds, long expectedMembers, long bookedMembers, BigDecimal adjustments,
            List<Difference> differences) {
    }

    private ReconciliationRules() {
    }

    public static Result reconcile(int fiscalYear, Collection<PartyOrganizationView> partyOrganizations,
            Collection<DatedMembership> members, BigDecimal startupYuan, Run run, List<LedgerEntry> entries) {
        Map<String, String> streets = new HashMap<>();
        partyOrganizations.forEach(p -> streets.put(p.id(), p.street()));

        Map<String, BigDecimal> expectedStartup = new HashMap<>();
        if (startupYuan != null) {
            for (PartyOrganizationView p : partyOrganizations) {
                if (!p.preExisting() && p.establishedOn() != null && p.establishedOn().getYear() == fiscalYear) {
                    expectedStartup.put(p.id(), startupYuan);
                }
            }
        }
        Map<String, AllocationRules.Share> expectedShares = new HashMap<>();
        if (run != null) {
            for (AllocationRules.Share share : AllocationRules.shares(members, partyOrganizations, run.snapshotDate(),
                    run.perMemberYuan())) {
                expectedShares.put(share.partyOrganizationId(), share);
            }
        }

        Map<String, BigDecimal> bookedStartup = new HashMap<>();
        Map<String, BigDecimal> bookedWorking = new HashMap<>();
        Map<String, Integer> bookedMembers = new HashMap<>();
        BigDecimal adjustments = BigDecimal.ZERO.setScale(2);
        for (LedgerEntry entry : entries) {
            if (entry.fiscalYear() != fiscalYear) {
                continue;
            }
            streets.putIfAbsent(entry.partyOrganizationId(), entry.street());
            switch (entry.kind()) {
                case STARTUP_GRANT -> bookedStartup.merge(entry.partyOrganizationId(), entry.amount(), BigDecimal::add);
                case ANNUAL_WORKING_FUNDS -> {
                    bookedWorking.merge(entry.partyOrganizationId(), entry.amount(), BigDecimal::add);
                    bookedMembers.merge(entry.partyOrganizationId(), entry.members() == null ? 0 : entry.members(), Integer::sum);
                }
                case ADJUSTMENT -> adjustments = adjustments.add(entry.amount());
                default -> {
                }
            }
        }

        List<Difference> differences = new ArrayList<>();
        Set<String> startupIds = new LinkedHashSet<>(expectedStartup.keySet());
        startupIds.addAll(bookedStartup.keySet());
        for (String id : startupIds) {
            BigDecimal expected = expectedStartup.getOrDefault(id, zero());
            BigDecimal booked = bookedStartup.getOrDefault(id, zero());
            if (expected.compareTo(booked) != 0) {
                differences.add(new Difference(id, streets.get(id), EntryKind.STARTUP_GRANT, expected, booked, null, null));
            }
        }
        Set<String> workingIds = new LinkedHashSet<>(expectedShares.keySet());
        workingIds.addAll(bookedWorking.keySet());
        long expectedMemberTotal = 0;
        for (String id : workingIds) {
            AllocationRules.Share share = expectedShares.get(id);
            BigDecimal expected = share == null ? zero() : share.amount();
            BigDecimal booked = bookedWorking.getOrDefault(id, zero());
            Integer expectedCount = share == null ? 0 : share.members();
            Integer bookedCount = bookedMembers.getOrDefault(id, 0);
            expectedMemberTotal += expectedCount;
            if (expected.compareTo(booked) != 0 || !expectedCount.equals(bookedCount)) {
                differences.add(new Difference(id, streets.get(id), EntryKind.ANNUAL_WORKING_FUNDS, expected, booked,
                        expectedCount, bookedCount));
            }
        }
        differences.sort(Comparator.comparing(Difference::kind).thenComparing(Difference::partyOrganizationId));
        return new Result(sum(expectedStartup.values()), sum(bookedStartup.values()),
                sum(expectedShares.values().stream().map(AllocationRules.Share::amount).toList()), sum(bookedWorking.values()),
                expectedMemberTotal, bookedMembers.values().stream().mapToLong(Integer::longValue).sum(), adjustments,
                differences);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(zero(), BigDecimal::add);
    }
}
