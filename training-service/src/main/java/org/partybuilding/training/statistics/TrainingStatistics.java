package org.partybuilding.training.statistics;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/training/statistics}: person-times (人次) and hours of the year, and the party
 * members with no training course this year ({@code withoutTraining}) or below their yearly minimum
 * ({@code belowMinimumHours}), in total and by street and party organization. Members are counted
 * where they are now; person-times and hours include members in development who attended training.
 */
public record TrainingStatistics(int year, Figures total, List<Group> byStreet, List<Group> byPartyOrganization,
        List<MemberWithoutTraining> membersWithoutTraining) {

    public record Figures(int partyMembers, int personTimes, int trainingPersonTimes, int activityPersonTimes, BigDecimal hours,
            int withoutTraining, int belowMinimumHours) {
    }

    public record Group(String key, String name, Figures figures) {
    }

    public record MemberWithoutTraining(String memberId, String name, String partyOrganizationId, String street, BigDecimal hours) {
    }
}
