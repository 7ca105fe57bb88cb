package org.partybuilding.registry.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RegistryAnnualRulesTest {

    @Test
    void activeOnADayIsRegisteredByThenAndNotDeregisteredByThen() {
        LocalDate registered = LocalDate.of(2024, 3, 1);
        assertThat(RegistryAnnualRules.activeOn(registered, false, null, LocalDate.of(2024, 2, 29))).isFalse();
        assertThat(RegistryAnnualRules.activeOn(registered, false, null, registered)).isTrue();
        assertThat(RegistryAnnualRules.activeOn(registered, true, LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 29))).isTrue();
        assertThat(RegistryAnnualRules.activeOn(registered, true, LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 30))).isFalse();
        assertThat(RegistryAnnualRules.activeOn(registered, true, null, LocalDate.of(2025, 1, 1))).as("no date: gone").isFalse();
    }

    @Test
    void aTallyCountsStartEndRegisteredAndDeregistered() {
        RegistryAnnualRules.Tally tally = new RegistryAnnualRules.Tally();
        LocalDate start = LocalDate.of(2024, 12, 31);
        LocalDate end = LocalDate.of(2025, 12, 31);
        tally.add(LocalDate.of(2020, 1, 1), false, null, 2025, start, end);
        tally.add(LocalDate.of(2025, 4, 1), false, null, 2025, start, end);
        tally.add(LocalDate.of(2021, 1, 1), true, LocalDate.of(2025, 8, 1), 2025, start, end);
        assertThat(tally.figures()).isEqualTo(new RegistryAnnualSection.Figures(2, 2, 1, 1));
    }
}
