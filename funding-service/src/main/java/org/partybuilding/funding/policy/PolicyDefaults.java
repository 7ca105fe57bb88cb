package org.partybuilding.funding.policy;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The policy of a year nobody has set: 100 yuan per member per year and 1,000 yuan per new party
 * organization (DOMAIN.md rules 14–15), from configuration ({@code funding.policy.*}).
 */
@ConfigurationProperties("funding.policy")
public record PolicyDefaults(BigDecimal defaultPerMemberYuan, BigDecimal defaultStartupYuan, int earliestYear, int latestYear) {
}
