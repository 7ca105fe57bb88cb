package org.partybuilding.funding.policy;

import java.time.Instant;

import org.partybuilding.funding.money.Money;

/**
 * A year's policy as the API shows it: amounts as decimal strings with 2 decimals; {@code source}
 * says whether the year was set ({@code SET}) or has the configured defaults ({@code DEFAULT},
 * version 0, no {@code updatedAt}/{@code updatedBy}); {@code closed} whether the fiscal year is closed today (rule 14,
 * the platform's fiscal calendar {@code platform.fiscal-years}): a party organization established in a closed year is
 * pre-existing and gets no automatic start-up grant.
 */
public record PolicyResponse(int fiscalYear, String perMemberYuan, String startupYuan, Source source, long version,
        Instant updatedAt, String updatedBy, boolean closed) {

    public enum Source {
        DEFAULT, SET
    }

    static PolicyResponse of(FundingPolicy policy, boolean closed) {
        return new PolicyResponse(policy.fiscalYear(), Money.format(policy.perMemberYuan()), Money.format(policy.startupYuan()),
                policy.isDefault() ? Source.DEFAULT : Source.SET, policy.version(), policy.updatedAt(), policy.updatedBy(), closed);
    }
}
