package org.partybuilding.events;

import java.util.List;

/**
 * Data that states what it must hold to be an event of the contract: {@link #violations()} lists, in words, every
 * required field that is missing, every enum-valued field outside its values, every amount that is not yuan with
 * two decimals. {@link EventCodec#decode} checks it for every consumer, so an incomplete record never reaches a
 * service's state: it fails with an {@link EventFormatException} naming the reasons and goes to the dead letters.
 * <p>
 * A producer that needs a new enum value adds it here first (every service builds against this module).
 */
public interface EventContract {

    /** What is wrong with this data; empty when it is a complete event of the contract. */
    List<String> violations();
}
