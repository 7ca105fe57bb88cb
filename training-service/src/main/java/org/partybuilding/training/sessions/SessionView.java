package org.partybuilding.training.sessions;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A training course as the API shows it. */
public record SessionView(String id, String title, TrainingKind kind, String organizer, String street, LocalDate startsOn,
        LocalDate endsOn, BigDecimal hours, String location) {

    static SessionView of(TrainingSession s) {
        return new SessionView(s.id(), s.title(), s.kind(), s.organizer(), s.street(), s.startsOn(), s.endsOn(), s.hours(),
                s.location());
    }
}
