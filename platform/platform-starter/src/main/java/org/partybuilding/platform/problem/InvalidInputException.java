package org.partybuilding.platform.problem;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** 400: input that fails validation; every failing field is named. */
public class InvalidInputException extends ApiException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "validation", "Invalid input", summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
