package org.partybuilding.funding.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code funding.forecast.*}: the coverage thresholds rule 18's expected party organizations are counted with (rules 1, 2). */
@ConfigurationProperties("funding.forecast")
public record ForecastSettings(int singleMinFormalMembers, int jointMinFormalMembers, int jointMaxOrganizations) {

    public ForecastSettings {
        if (singleMinFormalMembers < 1 || jointMinFormalMembers < 1 || jointMaxOrganizations < 2) {
            throw new IllegalArgumentException("funding.forecast thresholds must be positive (joint groups of 2+ organizations)");
        }
    }

    ForecastRules.Thresholds thresholds() {
        return new ForecastRules.Thresholds(singleMinFormalMembers, jointMinFormalMembers, jointMaxOrganizations);
    }
}
