package org.partybuilding.platform.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Bean Validation of input that does not arrive as a request body (a merged PATCH, an imported
 * row), with the same {@code errors} entries a body's validation gives.
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** Every constraint {@code input} breaks, by field path ({@code legalRepresentative.name}), sorted. */
    public static List<FieldError> errors(Validator validator, Object input) {
        return validator.validate(input).stream()
                .map(FieldChecks::toFieldError)
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    /** Throws 400 naming every broken constraint. */
    public static void require(Validator validator, Object input) {
        List<FieldError> errors = errors(validator, input);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static FieldError toFieldError(ConstraintViolation<?> violation) {
        return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }
}
