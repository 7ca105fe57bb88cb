package org.partybuilding.training.records;

import java.math.BigDecimal;

import org.partybuilding.training.compliance.TrainingSettings;

/** Rule 13's yearly minimum, in plain Java: 32 hours, 56 for secretaries and committee members. */
public final class YearlyHours {

    private final TrainingSettings settings;

    public YearlyHours(TrainingSettings settings) {
        this.settings = settings;
    }

    public BigDecimal required(boolean leader) {
        return leader ? settings.leaderYearlyHours() : settings.yearlyHours();
    }

    public boolean met(BigDecimal hours, boolean leader) {
        return hours.compareTo(required(leader)) >= 0;
    }
}
