package org.partybuilding.funding.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.funding.context.MemberView;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.money.Money;

/**
 * Rule 15 in plain Java: per party organization active on the snapshot date, its members that count on that date
 * (formal and probationary, active, admitted by then) × the year's amount per member. A party organization with
 * no such member gets no entry (an entry of 0.00 says nothing). Exact: {@code BigDecimal} times an integer.
 */
public final class AllocationRules {

    /** One party organization's share. */
    public record Share(String partyOrganizationId, String street, int members, BigDecimal amount) {
    }

    private AllocationRules() {
    }

    public static List<Share> shares(Collection<MemberView> members, Collection<PartyOrganizationView> partyOrganizations,
            LocalDate snapshotDate, BigDecimal perMember) {
        Map<String, int[]> counts = new HashMap<>();
        for (MemberView member : members) {
            if (member.countsOn(snapshotDate)) {
                counts.computeIfAbsent(member.partyOrganizationId(), id -> new int[1])[0]++;
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
        shares.sort(java.util.Comparator.comparing(Share::partyOrganizationId));
        return shares;
    }
}
