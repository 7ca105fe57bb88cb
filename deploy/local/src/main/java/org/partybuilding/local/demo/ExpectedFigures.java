package org.partybuilding.local.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.local.demo.DemoDistrict.Member;
import org.partybuilding.local.demo.DemoDistrict.Organization;
import org.partybuilding.local.demo.DemoDistrict.PartyOrganization;
import org.partybuilding.local.demo.DemoDistrict.Situation;

/**
 * What the services must report once a {@link DemoDistrict} is loaded, computed from the generator's own data
 * by DOMAIN.md's rules (defaults: 3 formal members for a single party organization, 50 for a branch, 3-year terms
 * warned 90 days ahead, a committee from 7 formal members and a secretary for each (rule 5: the demo elects none, so
 * every party organization shows {@code SECRETARY_MISSING} and those with 7+ formal members
 * {@code COMMITTEE_NOT_ELECTED}), 1,000 yuan start-up grant for a party organization established in an open fiscal
 * year (rule 14: by default the current one; the demo's are established in 2026), 100 yuan per member counted on the
 * allocation's snapshot date (rule 15: the loader allocates the current year on the day it loads, when every member
 * has been placed), rule 11's dues rates).
 *
 * @param gaps            the coverage gap list's count per reason, every reason listed (zeros too)
 * @param startupGrants   1,000 yuan per party organization established in a fiscal year still open on {@code today}
 * @param allocationYear  the fiscal year the loader allocates: {@code today}'s, on {@code today}
 * @param allocationMembers formal and probationary members (not mobile) of the party organizations: rule 15's basis
 * @param duesReturned    the dues the loader pays (members of party organizations, {@link #DUES_MONTHS}), all
 *                        returned to their party organizations by rule 16
 */
public record ExpectedFigures(int organizations, int socialGroups, int privateNonEnterpriseUnits, int streets,
        int employees, int fullTimeStaff, int withFifteenFullTimeStaff, int withThreeFormalMembers, int partyMembers,
        int formalMembers, int probationaryMembers, int mobileMembers, int inDevelopment, int partyOrganizations,
        int jointPartyOrganizations, int withMembers, int coveredBySingle, int coveredByJoint, int instructorOnly,
        int uncovered, BigDecimal organizationCoverageRate, BigDecimal workCoverageRate, Map<String, Integer> gaps,
        BigDecimal startupGrants, int allocationYear, int allocationMembers, BigDecimal allocation, BigDecimal duesReturned,
        int duesPayments) {

    public static final BigDecimal STARTUP_GRANT = new BigDecimal("1000.00");
    public static final BigDecimal PER_MEMBER = new BigDecimal("100.00");
    public static final List<YearMonth> DUES_MONTHS = List.of(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    public static final List<String> GAP_REASONS = List.of("SHOULD_FORM_SINGLE", "NEEDS_JOINT", "NEEDS_INSTRUCTOR",
            "DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION", "JOINT_BELOW_THREE", "OVERSIZED_BRANCH", "TERM_EXPIRED",
            "COMMITTEE_NOT_ELECTED", "SECRETARY_MISSING");
    private static final int SINGLE_MIN_FORMAL = 3;
    private static final int COMMITTEE_FROM_FORMAL = 7;
    private static final int BRANCH_MAX_MEMBERS = 50;
    private static final int TERM_YEARS = 3;
    private static final int TERM_WARNING_DAYS = 90;

    /** The figures on {@code today} (only the {@code TERM_EXPIRED} gaps depend on the day). */
    public static ExpectedFigures of(DemoDistrict district, LocalDate today) {
        List<Organization> organizations = district.organizations();
        int n = organizations.size();
        int[] formal = new int[n];
        int[] probationary = new int[n];
        int partyMembers = 0;
        int formalMembers = 0;
        int probationaryMembers = 0;
        int mobile = 0;
        int development = 0;
        for (Member m : district.members()) {
            if (!m.partyMember()) {
                development++;
                continue;
            }
            partyMembers++;
            if (m.stage().equals("FORMAL")) {
                formalMembers++;
            } else {
                probationaryMembers++;
            }
            if (m.mobile() != null) {
                mobile++;
            } else if (m.stage().equals("FORMAL")) {
                formal[m.organization()]++;
            } else {
                probationary[m.organization()]++;
            }
        }
        String[] coveredBy = new String[n];
        int joint = 0;
        for (PartyOrganization p : district.partyOrganizations()) {
            if (p.formation().equals("JOINT")) {
                joint++;
            }
            for (int i : p.organizations()) {
                coveredBy[i] = p.formation();
            }
        }
        boolean[] instructor = new boolean[n];
        district.instructors().forEach(in -> in.organizations().forEach(i -> instructor[i] = true));

        Map<String, Integer> gaps = new LinkedHashMap<>();
        GAP_REASONS.forEach(reason -> gaps.put(reason, 0));
        int socialGroups = 0;
        int employees = 0;
        int fullTime = 0;
        int large = 0;
        int withThree = 0;
        int withMembers = 0;
        int single = 0;
        int jointCovered = 0;
        int instructorOnly = 0;
        int uncovered = 0;
        java.util.Set<String> streets = new java.util.TreeSet<>();
        for (int i = 0; i < n; i++) {
            Organization o = organizations.get(i);
            streets.add(o.street());
            socialGroups += o.type().equals("SOCIAL_GROUP") ? 1 : 0;
            employees += o.employees();
            fullTime += o.fullTimeStaff();
            large += o.fullTimeStaff() >= 15 ? 1 : 0;
            withThree += formal[i] >= SINGLE_MIN_FORMAL ? 1 : 0;
            boolean hasMembers = formal[i] + probationary[i] > 0;
            withMembers += hasMembers ? 1 : 0;
            if ("SINGLE".equals(coveredBy[i])) {
                single++;
            } else if ("JOINT".equals(coveredBy[i])) {
                jointCovered++;
            } else if (instructor[i]) {
                instructorOnly++;
            } else {
                uncovered++;
            }
            // CoverageRules: at most one organization gap each
            if (formal[i] >= SINGLE_MIN_FORMAL) {
                if (!"SINGLE".equals(coveredBy[i])) {
                    gaps.merge("SHOULD_FORM_SINGLE", 1, Integer::sum);
                }
            } else if (hasMembers) {
                if (coveredBy[i] == null) {
                    gaps.merge("NEEDS_JOINT", 1, Integer::sum);
                }
            } else if (coveredBy[i] == null && !instructor[i]) {
                gaps.merge("NEEDS_INSTRUCTOR", 1, Integer::sum);
            }
        }
        int allocationMembers = 0;
        int newPartyOrganizations = 0;
        for (PartyOrganization p : district.partyOrganizations()) {
            // rule 14, the platform's default fiscal calendar: every year before the current one is closed
            if (p.establishedOn().getYear() >= today.getYear()) {
                newPartyOrganizations++;
            }
            int formalIn = 0;
            int members = 0;
            for (int i : p.organizations()) {
                formalIn += formal[i];
                members += formal[i] + probationary[i];
            }
            allocationMembers += members;
            if (p.formation().equals("JOINT") && formalIn < SINGLE_MIN_FORMAL) {
                gaps.merge("JOINT_BELOW_THREE", 1, Integer::sum);
            }
            if (p.type().equals("BRANCH") && members > BRANCH_MAX_MEMBERS) {
                gaps.merge("OVERSIZED_BRANCH", 1, Integer::sum);
            }
            LocalDate termEnds = p.establishedOn().plusYears(TERM_YEARS);
            if (!termEnds.isAfter(today.plusDays(TERM_WARNING_DAYS))) {
                gaps.merge("TERM_EXPIRED", 1, Integer::sum);
            }
            // rule 5: the demo elects no committee and names no secretary
            if (formalIn >= COMMITTEE_FROM_FORMAL) {
                gaps.merge("COMMITTEE_NOT_ELECTED", 1, Integer::sum);
            }
            gaps.merge("SECRETARY_MISSING", 1, Integer::sum);
        }
        BigDecimal dues = BigDecimal.ZERO.setScale(2);
        int payments = 0;
        for (Member m : duesPayers(district)) {
            dues = dues.add(monthlyDues(m).multiply(BigDecimal.valueOf(DUES_MONTHS.size())));
            payments += DUES_MONTHS.size();
        }
        int active = n;
        return new ExpectedFigures(n, socialGroups, n - socialGroups, streets.size(), employees, fullTime, large, withThree,
                partyMembers, formalMembers, probationaryMembers, mobile, development, district.partyOrganizations().size(),
                joint, withMembers, single, jointCovered, instructorOnly, uncovered,
                rate(single + jointCovered, withMembers), rate(single + jointCovered + instructorOnly, active),
                Map.copyOf(gaps), STARTUP_GRANT.multiply(BigDecimal.valueOf(newPartyOrganizations)), today.getYear(),
                allocationMembers, PER_MEMBER.multiply(BigDecimal.valueOf(allocationMembers)), dues, payments);
    }

    /** Who pays dues in the demo: party members (not mobile) of organizations with a party organization. */
    public static List<Member> duesPayers(DemoDistrict district) {
        boolean[] covered = new boolean[district.organizations().size()];
        district.partyOrganizations().forEach(p -> p.organizations().forEach(i -> covered[i] = true));
        List<Member> payers = new ArrayList<>();
        for (Member m : district.members()) {
            if (m.countedHere() && covered[m.organization()]) {
                payers.add(m);
            }
        }
        return payers;
    }

    /** Rule 11: the monthly dues on after-tax income, rounded to the fen. */
    public static BigDecimal monthlyDues(Member m) {
        BigDecimal income = m.monthlyIncome();
        BigDecimal rate;
        switch (m.incomeCategory()) {
            case "EMPLOYED" -> rate = income.compareTo(new BigDecimal("3000")) <= 0 ? new BigDecimal("0.005")
                    : income.compareTo(new BigDecimal("5000")) <= 0 ? new BigDecimal("0.01")
                    : income.compareTo(new BigDecimal("10000")) <= 0 ? new BigDecimal("0.015") : new BigDecimal("0.02");
            case "RETIRED" -> rate = income.compareTo(new BigDecimal("5000")) <= 0 ? new BigDecimal("0.005") : new BigDecimal("0.01");
            default -> {
                return new BigDecimal("0.20");
            }
        }
        return income.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** The headline figures, for the console after the first start. */
    public String headline() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Demo district: %d organizations (%d social groups, %d private non-enterprise units) in %d streets,"
                + " %,d employees, %,d full-time staff (%d organizations with 15+)%n", organizations, socialGroups,
                privateNonEnterpriseUnits, streets, employees, fullTimeStaff, withFifteenFullTimeStaff));
        out.append(String.format("  %d party members (%d formal, %d probationary, %d mobile) and %d in development;"
                + " %d organizations with 3+ formal members%n", partyMembers, formalMembers, probationaryMembers, mobileMembers,
                inDevelopment, withThreeFormalMembers));
        out.append(String.format("  %d party organizations (%d joint); coverage: organization %s, work %s"
                + " (single %d, joint %d, instructor only %d, uncovered %d of %d with members %d)%n", partyOrganizations,
                jointPartyOrganizations, percent(organizationCoverageRate), percent(workCoverageRate), coveredBySingle,
                coveredByJoint, instructorOnly, uncovered, organizations, withMembers));
        out.append("  gaps:");
        gaps.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(GAP_REASONS::indexOf)))
                .forEach(e -> out.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(','));
        out.setLength(out.length() - 1);
        out.append(String.format("%n  funding: start-up grants %s yuan; allocation %d: %d members x %s = %s yuan;"
                + " dues returned %s yuan (%d payments, %s to %s)", startupGrants.toPlainString(),
                allocationYear, allocationMembers, PER_MEMBER.toPlainString(), allocation.toPlainString(),
                duesReturned.toPlainString(), duesPayments, DUES_MONTHS.get(0), DUES_MONTHS.get(DUES_MONTHS.size() - 1)));
        return out.toString();
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? "n/a" : rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
    }
}
