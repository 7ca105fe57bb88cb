package org.partybuilding.branch.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The joint plan (DOMAIN.md §4, rule 2) in plain Java: organizations with 1–2 formal members and no party
 * organization, grouped by street, then industry, into proposed joint party organizations of at least
 * {@code minFormal} formal members and at most {@code maxOrganizations} organizations. Every candidate ends in
 * exactly one proposal or in the "cannot be grouped" list with its reason. Never across streets.
 *
 * <p>Per street: (1) each industry's candidates form groups of their own where they can (3+ organizations always
 * can, as each has 1+ formal member; two can with 3+ formal members between them), split evenly into as few groups
 * as the size limit allows; (2) what is left of the street's industries is grouped together the same way, across
 * industries; (3) a candidate still left joins a proposal of its street with room, or (4) a full proposal is split
 * with it into two; (5) only a street with no proposal at all leaves candidates ungrouped: one alone, or two with
 * fewer than {@code minFormal} formal members together.
 */
public final class JointPlanner {

    /** An organization that needs a joint party organization. */
    public record Candidate(String organizationId, String name, String street, String industry, int formalMembers,
            int probationaryMembers) {
    }

    /** A proposed joint party organization; {@code industry} is {@code null} where it mixes industries. */
    public record Proposal(String street, String industry, List<Candidate> organizations, int formalMembers) {

        static Proposal of(String street, List<Candidate> organizations) {
            String industry = organizations.stream().map(Candidate::industry).distinct().count() == 1
                    ? organizations.get(0).industry() : null;
            return new Proposal(street, industry, List.copyOf(organizations),
                    organizations.stream().mapToInt(Candidate::formalMembers).sum());
        }
    }

    /** Why a candidate is not in any proposal. */
    public enum Reason {
        /** The only candidate in its street: no partner without crossing streets. */
        ALONE_IN_STREET,
        /** The street's candidates together have fewer formal members than a joint party organization needs. */
        TOO_FEW_FORMAL_MEMBERS_IN_STREET
    }

    public record Ungrouped(Candidate organization, Reason reason) {
    }

    public record Plan(List<Proposal> proposals, List<Ungrouped> cannotBeGrouped) {
    }

    private final int minFormal;
    private final int maxOrganizations;

    public JointPlanner(int minFormal, int maxOrganizations) {
        if (maxOrganizations < 2 || minFormal < 1) {
            throw new IllegalArgumentException("A joint plan needs groups of 2+ organizations and 1+ formal members");
        }
        this.minFormal = minFormal;
        this.maxOrganizations = maxOrganizations;
    }

    /** @param candidates in the order proposals should follow: street, industry, name */
    public Plan plan(List<Candidate> candidates) {
        Map<String, List<Candidate>> byStreet = new LinkedHashMap<>();
        candidates.forEach(c -> byStreet.computeIfAbsent(c.street(), s -> new ArrayList<>()).add(c));
        List<Proposal> proposals = new ArrayList<>();
        List<Ungrouped> ungrouped = new ArrayList<>();
        byStreet.forEach((street, inStreet) -> planStreet(street, inStreet, proposals, ungrouped));
        return new Plan(List.copyOf(proposals), List.copyOf(ungrouped));
    }

    private void planStreet(String street, List<Candidate> inStreet, List<Proposal> proposals, List<Ungrouped> ungrouped) {
        Map<String, List<Candidate>> byIndustry = new LinkedHashMap<>();
        inStreet.forEach(c -> byIndustry.computeIfAbsent(Objects.requireNonNullElse(c.industry(), ""), i -> new ArrayList<>()).add(c));
        List<List<Candidate>> groups = new ArrayList<>();
        List<Candidate> left = new ArrayList<>();
        byIndustry.values().forEach(industry -> {
            if (groupable(industry)) {
                groups.addAll(split(industry));
            } else {
                left.addAll(industry);
            }
        });
        if (groupable(left)) {
            groups.addAll(split(left));
            left.clear();
        }
        for (Candidate candidate : List.copyOf(left)) {
            List<Candidate> roomy = groups.stream().filter(g -> g.size() < maxOrganizations)
                    .min(Comparator.comparingInt(List::size)).orElse(null);
            if (roomy != null) {
                roomy.add(candidate);
                left.remove(candidate);
            } else if (!groups.isEmpty()) {
                // Every proposal is full: split one with this candidate into two (each then has 3+ organizations).
                List<Candidate> full = groups.remove(groups.size() - 1);
                full.add(candidate);
                groups.addAll(split(full));
                left.remove(candidate);
            }
        }
        groups.forEach(g -> proposals.add(Proposal.of(street, g)));
        Reason reason = left.size() == 1 && inStreet.size() == 1 ? Reason.ALONE_IN_STREET : Reason.TOO_FEW_FORMAL_MEMBERS_IN_STREET;
        left.forEach(c -> ungrouped.add(new Ungrouped(c, reason)));
    }

    /** Whether these candidates can all be grouped: as many groups as the size limit needs, each with enough formal members. */
    private boolean groupable(List<Candidate> candidates) {
        if (candidates.size() < 2) {
            return false;
        }
        return split(candidates).stream().allMatch(g -> g.size() >= 2 && formal(g) >= minFormal);
    }

    /**
     * Into as few groups as the size limit allows, sizes differing by at most one; the candidates with the most
     * formal members are dealt round first, so a small group gets one of them.
     */
    private List<List<Candidate>> split(List<Candidate> candidates) {
        int groups = (candidates.size() + maxOrganizations - 1) / maxOrganizations;
        List<List<Candidate>> result = new ArrayList<>();
        int size = candidates.size() / groups;
        int larger = candidates.size() % groups;
        List<Candidate> byFormal = new ArrayList<>(candidates);
        byFormal.sort(Comparator.comparingInt(Candidate::formalMembers).reversed());
        for (int g = 0; g < groups; g++) {
            result.add(new ArrayList<>());
        }
        // Deal the strongest round first, then fill each group to its size in the given order.
        int[] capacity = new int[groups];
        for (int g = 0; g < groups; g++) {
            capacity[g] = size + (g < larger ? 1 : 0);
        }
        int g = 0;
        for (Candidate c : byFormal) {
            while (result.get(g).size() >= capacity[g]) {
                g = (g + 1) % groups;
            }
            result.get(g).add(c);
            g = (g + 1) % groups;
        }
        // Keep the given order (industry, name) inside each group.
        result.forEach(list -> list.sort(Comparator.comparingInt(candidates::indexOf)));
        return result;
    }

    private static int formal(List<Candidate> group) {
        return group.stream().mapToInt(Candidate::formalMembers).sum();
    }
}
