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

    /** A crash: SIGKILL, nothing runs on the way out. The part can be started again afterwards. */
    void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    ChildProcess process() {
        return process;
    }
}
