package org.partybuilding.events;

/**
 * Event data carries the aggregate's state after the change, with its id and a version that
 * increases per aggregate, so consumers upsert by version: redelivery and replays change nothing.
 */
public interface AggregateSnapshot {

    String id();

    long version();
}
