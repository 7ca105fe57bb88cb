package org.partybuilding.branch.annual;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The coverage figures as recorded on one day ({@value #COLLECTION}, one document per day, written once): what the annual
 * report's year-start (and a past year's year-end) coverage is read from, since coverage itself is kept only as it
 * stands now. About 2 KB a day (the district and 18 streets), 0.7 MB a year.
 */
@Document(CoverageDay.COLLECTION)
public record CoverageDay(@Id String id, LocalDate day, Instant recordedAt, CoverageLine district, Map<String, CoverageLine> streets) {

    public static final String COLLECTION = "coverage_days";
}
