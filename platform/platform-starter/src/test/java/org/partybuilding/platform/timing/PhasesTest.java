package org.partybuilding.platform.timing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhasesTest {

    @Test
    void eachPhaseRunsFromThePreviousMarkAndTheWholeFromTheStart() throws InterruptedException {
        Phases phases = Phases.start();
        Thread.sleep(30);
        phases.end("first");
        Thread.sleep(30);
        phases.end("second");

        // lower bounds only: a sleep lasts at least what it was asked (no wall-clock upper bound in a unit test)
        assertThat(phases.millis("first")).isGreaterThanOrEqualTo(30);
        assertThat(phases.millis("second")).isGreaterThanOrEqualTo(30);
        assertThat(phases.sinceStart()).isGreaterThanOrEqualTo(phases.millis("first") + phases.millis("second"));
        assertThat(phases.millis("never ended")).isZero();
    }
}
