package org.partybuilding.registry.annual;

import java.time.LocalDate;

/** Whether an organization was active on a day, registered or deregistered in a year: plain Java over its two dates. */
public final class RegistryAnnualRules {

    private RegistryAnnualRules() {
    }

    /**
     * Active on {@code day}: registered by then and not deregistered by then (a deregistered organization without a date
     * counts as gone).
     */
    public static boolean activeOn(LocalDate registeredOn, boolean deregistered, LocalDate deregisteredOn, LocalDate day) {
        if (registeredOn == null || registeredOn.isAfter(day)) {
            return false;
        }
        return !deregistered || (deregisteredOn != null && deregisteredOn.isAfter(day));
    }

    /** Counts for one group. */
    public static final class Tally {
        int activeAtStart;
        int activeAtEnd;
        int registered;
        int deregistered;

        public void add(LocalDate registeredOn, boolean isDeregistered, LocalDate deregisteredOn, int year, LocalDate startOn,
                LocalDate endOn) {
            activeAtStart += activeOn(registeredOn, isDeregistered, deregisteredOn, startOn) ? 1 : 0;
            activeAtEnd += activeOn(registeredOn, isDeregistered, deregisteredOn, endOn) ? 1 : 0;
            registered += registeredOn != null && registeredOn.getYear() == year ? 1 : 0;
            deregistered += isDeregistered && deregisteredOn != null && deregisteredOn.getYear() == year ? 1 : 0;
        }

        public RegistryAnnualSection.Figures figures() {
            return new RegistryAnnualSection.Figures(activeAtStart, activeAtEnd, registered, deregistered);
        }
    }
}
