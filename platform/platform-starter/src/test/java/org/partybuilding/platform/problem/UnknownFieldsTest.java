package org.partybuilding.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;

class UnknownFieldsTest {

    @Test
    void everyUnknownFieldIsNamedWithItsHint() {
        UnknownFields.refuse(Map.of(), Map.of());
        UnknownFields.refuse(null, Map.of());
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> UnknownFields.refuse(Map.of("stage", "FORMAL", "colour", "red"), Map.of("stage", "changes by transition")));
        assertThat(e.errors()).containsExactly(new FieldError("colour", "is not a field this request takes"),
                new FieldError("stage", "changes by transition"));
    }
}
