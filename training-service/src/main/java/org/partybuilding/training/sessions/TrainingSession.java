package org.partybuilding.training.sessions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * A training course. {@code street} is set for a street's own course (a street admin's), {@code null}
 * for a district course; {@code hours} are what each attendee is credited unless recorded otherwise.
 */
@Document(TrainingSession.COLLECTION)
public record TrainingSession(@Id String id, long version, String title, TrainingKind kind, String organizer, String street,
        LocalDate startsOn, LocalDate endsOn, @Field(targetType = FieldType.DECIMAL128) BigDecimal hours, String location,
        String createdBy, Instant createdAt) {

    public static final String COLLECTION = "training_sessions";
}
