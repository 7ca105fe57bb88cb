package org.partybuilding.member.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.FieldChange;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The hand-written audit record layout is the mapping converter's, and reads back to the same record. */
class AuditRecordConversionsTest {

    private final AuditRecord record = new AuditRecord("3f2a1c4e-0000-4000-8000-000000000001", Instant.parse("2026-12-06T10:15:30.123Z"),
            new Actor("sub-1", "admin", List.of("committee-admin", "district-admin"), null), "IMPORTED", "Member", "m-1",
            List.of(new FieldChange("name", null, "陈志强"), new FieldChange("stage", "ACTIVIST", "DEVELOPMENT_TARGET"),
                    new FieldChange("phone", "138****5678", null)), null);

    @Test
    void writesWhatTheMappingConverterWrites() {
        // as Spring Boot configures it without the converters
        MongoCustomConversions defaults = MongoCustomConversions.create(adapter -> { });
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(defaults.getSimpleTypeHolder());
        MappingMongoConverter mapping = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        mapping.setCustomConversions(defaults);
        mapping.afterPropertiesSet();
        Object byMapping = mapping.convertToMongoType(record);

        Document byHand = new AuditRecordConversions.Writer().convert(record);

        assertThat(byHand).isEqualTo(byMapping);
        assertThat(byHand.toJson()).isEqualTo(((Document) byMapping).toJson());
    }

    @Test
    void readsBackTheSameRecord() {
        Document stored = new AuditRecordConversions.Writer().convert(record);

        assertThat(new AuditRecordConversions.Reader().convert(stored)).isEqualTo(record);
        AuditRecord system = new AuditRecord("id-2", record.at(), Actor.system("branch.party-organizations.v1"), "MOVED", "Member",
                "m-1", List.of(), "reason");
        assertThat(new AuditRecordConversions.Reader().convert(new AuditRecordConversions.Writer().convert(system))).isEqualTo(system);
    }
}
