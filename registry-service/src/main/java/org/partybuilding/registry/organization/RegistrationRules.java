package org.partybuilding.registry.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;

/**
 * What a registration must satisfy beyond the shape of its fields (API.md, registry rules): a valid
 * credit code of the organization's type, no more full-time staff than employees, a street and an
 * industry from the district's configured lists, a registration date not in the future.
 */
public final class RegistrationRules {

    private RegistrationRules() {
    }

    public static List<FieldError> check(RegisterOrganization registration, District district, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        CreditCode.problem(registration.creditCode(), registration.type())
                .ifPresent(problem -> errors.add(new FieldError("creditCode", problem)));
        if (registration.fullTimeStaff() > registration.employees()) {
            errors.add(new FieldError("fullTimeStaff", "must not exceed employees (" + registration.employees() + ")"));
        }
        if (!district.hasStreet(registration.street())) {
            errors.add(new FieldError("street", "must be one of the district's streets " + district.streets().keySet()));
        }
        if (!district.hasIndustry(registration.industry())) {
            errors.add(new FieldError("industry", "must be one of " + district.industries()));
        }
        if (registration.registeredOn().isAfter(today)) {
            errors.add(new FieldError("registeredOn", "must not be in the future"));
        }
        return errors;
    }
}
