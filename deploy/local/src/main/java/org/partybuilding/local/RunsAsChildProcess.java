package org.partybuilding.local;

import java.time.Duration;

/** A part of the local platform that runs as one child process: the subclass starts it, this stops it. */
abstract class RunsAsChildProcess {

    /** How long the process may take to stop cleanly before it is killed. */
    private final Duration gracePeriod;
    protected ChildProcess process;

    RunsAsChildProcess(Duration gracePeriod) {
        this.gracePeriod = gracePeriod;
    }

    void stop() {
        if (process != null) {
            process.stop(gracePeriod);
            process = null;
        }
    }

    ChildProcess process() {
        return process;
    }
}
