package org.partybuilding.training.sessions;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One member's attendance of a session. */
public record AttendanceView(String memberId, BigDecimal hours, LocalDate attendedOn, String partyOrganizationId, String street,
        long version) {

    static AttendanceView of(Attendance a) {
        return new AttendanceView(a.memberId(), a.hours(), a.attendedOn(), a.partyOrganizationId(), a.street(), a.version());
    }
}
