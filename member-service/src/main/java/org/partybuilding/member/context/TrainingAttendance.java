package org.partybuilding.member.context;

import java.math.BigDecimal;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/** A member's attendance of a training session, from training-service's {@code TrainingAttended} events. */
@Document(TrainingAttendance.COLLECTION)
public record TrainingAttendance(@Id String id, long version, String memberId, String kind,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal hours) {

    public static final String COLLECTION = "training_attendance";
    public static final String DEVELOPMENT_TARGET_TRAINING = "DEVELOPMENT_TARGET_TRAINING";
}
