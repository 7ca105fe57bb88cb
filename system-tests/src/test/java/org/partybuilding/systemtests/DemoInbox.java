package org.partybuilding.systemtests;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.partybuilding.local.demo.DemoDistrict;
import org.partybuilding.local.demo.DemoDistrict.Member;
import org.partybuilding.local.demo.DemoDistrict.PartyOrganization;
import org.partybuilding.local.demo.DemoDistrict.Situation;

/**
 * What the work inbox (DOMAIN.md §6) must list for the demo district's own subjects on a day, worked out here from the
 * generator's data and what the demo loader records (no terms, committees or secretaries; organizational life each
 * month of 2026 up to October; three months of dues), not from the services' rules. The settings are the deployed
 * defaults of the services' {@code application.yml}, repeated here on purpose: a change there shows up as a difference.
 */
final class DemoInbox {

    static final List<String> KINDS = List.of("TERM_EXPIRED", "COMMITTEE_NOT_ELECTED", "SECRETARY_MISSING",
            "NEW_ORGANIZATION_WITHOUT_COVERAGE", "APPLICANT_TALK_OVERDUE", "ACTIVIST_ELIGIBLE_FOR_TARGET", "PROBATION_ENDING",
            "MOBILE_TRANSFER_DUE", "TRANSFER_REQUIRED", "DUES_ARREARS", "MEETING_OWED", "GRANT_PENDING", "ALLOCATION_PENDING");

    /** Rule 5: a committee from 7 formal members. */
    private static final int COMMITTEE_FROM_FORMAL_MEMBERS = 7;
    /** Rule 7 in the inbox: due a week after registration, for organizations registered at most 90 days ago. */
    private static final int NEW_ORGANIZATION_DAYS = 7;
    private static final int NEW_ORGANIZATION_WINDOW_DAYS = 90;
    /** Rule 8 and the inbox's warning: probation ending within 30 days. */
    private static final int PROBATION_WARNING_DAYS = 30;
    /** The demo loader's organizational life: a themed party day each month, a general meeting and a party lesson each quarter. */
    private static final int LIFE_YEAR = 2026;
    /** Rule 12's yearly requirements (the inbox lists them in the year's last quarter); none is met by the demo's meetings. */
    private static final List<String> YEARLY = List.of("SECRETARY_PARTY_LESSON", "ORGANIZATIONAL_LIFE_MEETING",
            "DEMOCRATIC_APPRAISAL", "THEME_PRACTICE");

    private DemoInbox() {
    }

    /** The names the demo's items carry: its party organizations', organizations' and people's. */
    static Set<String> subjectNames(DemoDistrict demo) {
        Set<String> names = new HashSet<>();
        demo.partyOrganizations().forEach(p -> names.add(p.name()));
        demo.organizations().forEach(o -> names.add(o.name()));
        demo.members().forEach(m -> names.add(m.name()));
        return names;
    }

    /**
     * @param streetInScope   the streets the caller sees (one, or all; a branch secretary: its party organization's)
     * @param inScope         the party organizations the caller may see (its street's, its own, or all)
     * @param ownOnly         a branch secretary: only items of its party organization (no organization or joint-plan items)
     * @param allocationRun   this fiscal year's allocation has run (then no working funds are pending)
     */
    static Map<String, Integer> expected(DemoDistrict demo, LocalDate today, Predicate<String> streetInScope,
            Predicate<PartyOrganization> inScope, boolean ownOnly, boolean allocationRun) {
        Map<String, Integer> counts = new HashMap<>();
        Map<Integer, PartyOrganization> partyOrganizationOf = new HashMap<>();
        for (PartyOrganization p : demo.partyOrganizations()) {
            if (inScope.test(p)) {
                p.organizations().forEach(o -> partyOrganizationOf.put(o, p));
            }
        }
        for (PartyOrganization p : demo.partyOrganizations()) {
            if (!inScope.test(p)) {
                continue;
            }
            List<Member> members = demo.members().stream().filter(m -> p.organizations().contains(m.organization())).toList();
            long formal = members.stream().filter(m -> m.stage().equals("FORMAL") && m.mobile() == null).count();
            boolean partyMembers = members.stream().anyMatch(Member::partyMember);
            count(counts, "SECRETARY_MISSING", 1);
            count(counts, "COMMITTEE_NOT_ELECTED", formal >= COMMITTEE_FROM_FORMAL_MEMBERS ? 1 : 0);
            count(counts, "MEETING_OWED", meetingsOwed(partyMembers, today));
            count(counts, "ALLOCATION_PENDING", !allocationRun && members.stream().anyMatch(Member::countedHere) ? 1 : 0);
        }
        if (!ownOnly) {
            for (DemoDistrict.Organization o : demo.organizations()) {
                boolean uncovered = o.situation() == Situation.SHOULD_FORM_SINGLE || o.situation() == Situation.NEEDS_JOINT
                        || o.situation() == Situation.NEEDS_INSTRUCTOR;
                if (streetInScope.test(o.street()) && uncovered && !o.registeredOn().isBefore(today.minusDays(NEW_ORGANIZATION_WINDOW_DAYS))
                        && !o.registeredOn().plusDays(NEW_ORGANIZATION_DAYS).isAfter(today)) {
                    count(counts, "NEW_ORGANIZATION_WITHOUT_COVERAGE", 1);
                }
            }
        }
        for (Member m : demo.members()) {
            boolean visible = ownOnly ? partyOrganizationOf.containsKey(m.organization())
                    : streetInScope.test(demo.organizations().get(m.organization()).street());
            if (!visible) {
                continue;
            }
            switch (m.stage()) {
                case "APPLICANT" -> count(counts, "APPLICANT_TALK_OVERDUE", today.isAfter(m.appliedOn().plusMonths(1)) ? 1 : 0);
                case "ACTIVIST" -> count(counts, "ACTIVIST_ELIGIBLE_FOR_TARGET", !today.isBefore(m.activistOn().plusMonths(12)) ? 1 : 0);
                case "PROBATIONARY" -> count(counts, "PROBATION_ENDING",
                        !m.admittedOn().plusMonths(12).isAfter(today.plusDays(PROBATION_WARNING_DAYS)) ? 1 : 0);
                default -> { }
            }
            if (m.mobile() != null && !m.mobile().holdsPostInOriginal() && !m.mobile().workingSince().isAfter(today.minusMonths(6))
                    && !m.stage().equals("LEFT")) {
                count(counts, "MOBILE_TRANSFER_DUE", 1);
            }
        }
        // TERM_EXPIRED: the demo records no terms; TRANSFER_REQUIRED: it dissolves nothing; DUES_ARREARS: its people came
        // under the platform when it loaded, and arrears count from then; GRANT_PENDING: every grant is booked by the event
        return counts;
    }

    /** Rule 12 for the current period: what the demo's meetings leave owed on {@code today}. */
    private static int meetingsOwed(boolean recorded, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        boolean inLifeYear = recorded && today.getYear() == LIFE_YEAR;
        // the loader records up to DATA_AS_OF: a themed party day each month, a general meeting and a party lesson in
        // March, June, September and October
        boolean themedDay = inLifeYear && month.getMonthValue() <= DemoDistrict.DATA_AS_OF.getMonthValue();
        boolean quarterly = inLifeYear && quarter <= (DemoDistrict.DATA_AS_OF.getMonthValue() - 1) / 3 + 1;
        int owed = (themedDay ? 0 : 1) + (quarterly ? 0 : 2);
        if (quarter == 4) {
            owed += YEARLY.size();
        }
        return owed;
    }

    private static void count(Map<String, Integer> counts, String kind, int n) {
        if (n > 0) {
            counts.merge(kind, n, Integer::sum);
        }
    }
}
