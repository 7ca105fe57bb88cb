package org.partybuilding.events;

/**
 * Event data carries the aggregate's state after the change, with its id and a version that
 * increases per aggregate, so consumers upsert by version: redelivery and replays change nothing.
 */
public interface AggregateSnapshot extends EventContract {

    String id();

    long version();

    /** The least every aggregate's data holds: a non-blank id and a version of at least 1. */
    @Override
    default java.util.List<String> violations() {
        return Violations.of(this).list();
    }
}
