package org.partybuilding.funding.policy;

import java.math.BigDecimal;

import org.partybuilding.funding.money.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Funding policy configuration ({@code funding.policy.*}): the policy of a fiscal year nobody has
 * set — working funds per member per year (DOMAIN.md rule 15, 100 yuan) and the start-up grant per
 * new party organization (rule 14, 1,000 yuan) — and the fiscal years a policy may be set for.
 * Invalid amounts stop the service at start-up rather than at the first request.
 */
@ConfigurationProperties("funding.policy")
public record PolicySettings(BigDecimal defaultPerMemberYuan, BigDecimal defaultStartupYuan, int earliestYear, int latestYear) {

    public PolicySettings {
        require("default-per-member-yuan", defaultPerMemberYuan);
        require("default-startup-yuan", defaultStartupYuan);
        if (earliestYear <= 0 || latestYear < earliestYear) {
            throw new IllegalArgumentException("funding.policy.earliest-year and latest-year must be a range of years, not "
                    + earliestYear + "–" + latestYear);
        }
        defaultPerMemberYuan = defaultPerMemberYuan.setScale(Money.SCALE);
        defaultStartupYuan = defaultStartupYuan.setScale(Money.SCALE);
    }

    private static void require(String property, BigDecimal amount) {
        Money.problem(amount).ifPresent(problem -> {
            throw new IllegalArgumentException("funding.policy." + property + " " + problem);
        });
    }
}
