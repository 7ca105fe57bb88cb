package org.partybuilding.funding.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.partybuilding.funding.context.MemberView;
import org.partybuilding.funding.context.OrganizationView;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.money.Money;

/**
 * Rule 18 in plain Java: next year's budget = current members × per-member amount + expected new party
 * organizations × start-up grant, where the expected ones are the coverage gaps {@code SHOULD_FORM_SINGLE} (an
 * active organization with 3+ formal members and no {@code SINGLE} party organization, rule 1) plus the joint
 * organizations the joint plan proposes (organizations with 1–2 formal members and no party organization,
 * grouped per street, then industry, into groups of 3+ formal members and at most 5 organizations, rule 2).
 *
 * <p>Built from funding's own read models of the registry, member and branch events: the same facts and
 * thresholds branch-service's coverage report and joint plan use, counted the same way (per industry first,
 * then the street's rest together; a leftover that cannot form a group joins a proposal of its street, which
 * adds one only when every proposal there is full).
 */
public final class ForecastRules {

    /** The rules' numbers ({@code funding.forecast.*}). */
    public record Thresholds(int singleMinFormalMembers, int jointMinFormalMembers, int jointMaxOrganizations) {
    }

    /** The forecast with its parts. */
    public record Forecast(long members, BigDecimal workingFunds, long shouldFormSingle, long proposedJoint,
            long expectedNewPartyOrganizations, BigDecimal startupGrants, BigDecimal total) {
    }

    private ForecastRules() {
    }

    /** {@code street} limits everything to one street ({@code null}: the district). */
    public static Forecast forecast(Collection<MemberView> members, Collection<OrganizationView> organizations,
            Collection<PartyOrganizationView> partyOrganizations, String street, BigDecimal perMember, BigDecimal startup,
            Thresholds thresholds) {
        long current = 0;
        Map<String, Integer> formalByOrganization = new HashMap<>();
        for (MemberView member : members) {
            if (member.activePartyMember() && member.partyOrganizationId() != null
                    && (street == null || street.equals(member.street()))) {
                current++;
            }
            if (member.activeFormal() && member.organizationId() != null) {
                formalByOrganization.merge(member.organizationId(), 1, Integer::sum);
            }
        }
        Set<String> coveredBySingle = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (PartyOrganizationView partyOrganization : partyOrganizations) {
            if (partyOrganization.active()) {
                covered.addAll(partyOrganization.organizationIds());
                if ("SINGLE".equals(partyOrganization.formation())) {
                    coveredBySingle.addAll(partyOrganization.organizationIds());
                }
            }
        }
        long shouldFormSingle = 0;
        // street -> industry -> formal members of each candidate
        Map<String, Map<String, List<Integer>>> jointCandidates = new LinkedHashMap<>();
        for (OrganizationView organization : organizations) {
            if (!organization.active() || (street != null && !street.equals(organization.street()))) {
                continue;
            }
            int formal = formalByOrganization.getOrDefault(organization.id(), 0);
            if (formal >= thresholds.singleMinFormalMembers()) {
                if (!coveredBySingle.contains(organization.id())) {
                    shouldFormSingle++;
                }
            } else if (formal >= 1 && !covered.contains(organization.id())) {
                jointCandidates.computeIfAbsent(Objects.requireNonNullElse(organization.street(), ""), s -> new LinkedHashMap<>())
                        .computeIfAbsent(Objects.requireNonNullElse(organization.industry(), ""), i -> new ArrayList<>())
                        .add(formal);
            }
        }
        long proposedJoint = jointCandidates.values().stream().mapToLong(byIndustry -> proposals(byIndustry, thresholds)).sum();
        BigDecimal workingFunds = perMember.setScale(Money.SCALE).multiply(BigDecimal.valueOf(current));
        long expected = shouldFormSingle + proposedJoint;
        BigDecimal startupGrants = startup.setScale(Money.SCALE).multiply(BigDecimal.valueOf(expected));
        return new Forecast(current, workingFunds, shouldFormSingle, proposedJoint, expected, startupGrants,
                workingFunds.add(startupGrants));
    }

    /** How many joint party organizations the plan proposes in one street. */
    static long proposals(Map<String, List<Integer>> byIndustry, Thresholds thresholds) {
        List<Integer> left = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (List<Integer> industry : byIndustry.values()) {
            if (groupable(industry, thresholds)) {
                split(industry.size(), thresholds, sizes);
            } else {
                left.addAll(industry);
            }
        }
        if (groupable(left, thresholds)) {
            split(left.size(), thresholds, sizes);
        } else if (!left.isEmpty() && !sizes.isEmpty()) {
            // The leftovers join proposals with room; only if all are full does one split into two.
            int room = sizes.stream().mapToInt(size -> thresholds.jointMaxOrganizations() - size).sum();
            if (room < left.size()) {
                sizes.add(left.size() - room);
            }
        }
        return sizes.size();
    }

    private static boolean groupable(List<Integer> candidates, Thresholds thresholds) {
        return candidates.size() >= 2
                && candidates.stream().mapToInt(Integer::intValue).sum() >= thresholds.jointMinFormalMembers();
    }

    private static void split(int candidates, Thresholds thresholds, List<Integer> sizes) {
        int groups = (candidates + thresholds.jointMaxOrganizations() - 1) / thresholds.jointMaxOrganizations();
        for (int g = 0; g < groups; g++) {
            sizes.add(candidates / groups + (g < candidates % groups ? 1 : 0));
        }
    }
}
