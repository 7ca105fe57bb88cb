package org.partybuilding.member.members;

import java.time.LocalDate;

import org.bson.Document;
import org.partybuilding.member.development.StageDates;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Reads the few fields a report needs from a member read as a raw document (a projection): mapping 100,000 whole
 * {@link Member}s costs seconds, reading a handful of fields of each a fraction of that. Dates are read back the way
 * the mapping layer wrote them.
 */
public final class MemberDocuments {

    private final MongoConverter converter;

    public MemberDocuments(MongoConverter converter) {
        this.converter = converter;
    }

    /** A stored date ({@code null} when absent). */
    public LocalDate date(Document d, String field) {
        Object value = d == null ? null : d.get(field);
        return value == null ? null : converter.getConversionService().convert(value, LocalDate.class);
    }

    /** The member's {@code stageDates} ({@code null} when absent). */
    public StageDates stageDates(Document member) {
        Document dates = member.get("stageDates", Document.class);
        return dates == null ? null : new StageDates(date(dates, "appliedOn"), date(dates, "activistOn"), date(dates, "targetOn"),
                date(dates, "admittedOn"), date(dates, "confirmedOn"));
    }
}
