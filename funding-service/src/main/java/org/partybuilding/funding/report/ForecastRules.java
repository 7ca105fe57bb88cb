package org.partybuilding.funding.report;

import java.math.BigDecimal;
import java.util.Collection;

import org.partybuilding.funding.context.CoverageOutlookView;
import org.partybuilding.funding.money.Money;

/**
 * Rule 18 in plain Java: next year's budget = current members × per-member amount + expected new party
 * organizations × start-up grant. The expected ones are branch-service's figures, as it announces them per street
 * ({@code CoverageOutlookChanged}): the coverage gaps {@code SHOULD_FORM_SINGLE} (rule 1) plus the joint party
 * organizations its joint plan proposes (rule 2). Rules 1 and 2 are counted there only, with branch-service's
 * configured thresholds, so a change of those numbers moves the coverage report, the joint plan and this forecast.
 */
public final class ForecastRules {

    /** The forecast with its parts. */
    public record Forecast(long members, BigDecimal workingFunds, long shouldFormSingle, long proposedJoint,
            long expectedNewPartyOrganizations, BigDecimal startupGrants, BigDecimal total) {
    }

    private ForecastRules() {
    }

    /**
     * {@code members}: the active formal and probationary members in a party organization now (of the street, if one);
     * {@code street} limits the outlooks to one street ({@code null}: the district).
     */
    public static Forecast forecast(long members, Collection<CoverageOutlookView> outlooks, String street,
            BigDecimal perMember, BigDecimal startup) {
        long current = members;
        long shouldFormSingle = 0;
        long proposedJoint = 0;
        for (CoverageOutlookView outlook : outlooks) {
            if (street == null || street.equals(outlook.street())) {
                shouldFormSingle += outlook.shouldFormSingle();
                proposedJoint += outlook.proposedJoint();
            }
        }
        BigDecimal workingFunds = perMember.setScale(Money.SCALE).multiply(BigDecimal.valueOf(current));
        long expected = shouldFormSingle + proposedJoint;
        BigDecimal startupGrants = startup.setScale(Money.SCALE).multiply(BigDecimal.valueOf(expected));
        return new Forecast(current, workingFunds, shouldFormSingle, proposedJoint, expected, startupGrants,
                workingFunds.add(startupGrants));
    }
}
