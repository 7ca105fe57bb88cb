package org.partybuilding.branch.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.partybuilding.branch.organization.OrganizationType;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;

/**
 * The report's filters, checked: {@code street} one of the district's streets, {@code type} an organization type,
 * {@code supervisoryUnit} matched exactly. A blank value is no filter.
 */
public record CoverageFilter(String street, OrganizationType type, String supervisoryUnit) {

    /** Reads the query parameters; unknown values are a 400 naming every such field. */
    public static CoverageFilter of(String street, String type, String supervisoryUnit, District district) {
        List<FieldError> errors = new ArrayList<>();
        String streetValue = blankToNull(street);
        if (streetValue != null && !district.hasStreet(streetValue)) {
            errors.add(new FieldError("street", "'" + streetValue + "' is not one of the district's streets "
                    + district.streets().keySet()));
        }
        String typeValue = blankToNull(type);
        OrganizationType organizationType = null;
        if (typeValue != null) {
            organizationType = Arrays.stream(OrganizationType.values()).filter(t -> t.name().equals(typeValue)).findFirst()
                    .orElse(null);
            if (organizationType == null) {
                errors.add(new FieldError("type", "'" + typeValue + "' is not one of " + Arrays.toString(OrganizationType.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new CoverageFilter(streetValue, organizationType, blankToNull(supervisoryUnit));
    }

    CoverageFilter withStreet(String scopedStreet) {
        return new CoverageFilter(scopedStreet, type, supervisoryUnit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
