package org.partybuilding.training.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.training.domain.ActivityKind;
import org.partybuilding.training.sessions.TrainingKind;

/**
 * {@code GET /api/training/members/{memberId}/records}: a member's training and organizational life,
 * with yearly hours against the minimum ({@code role} decides it: {@code SECRETARY} and
 * {@code COMMITTEE_MEMBER} 56, {@code MEMBER} 32).
 */
public record MemberRecords(String memberId, String name, String partyOrganizationId, String street, String role,
        List<Year> years, List<Training> trainings, List<Activity> activities, List<Absence> absences) {

    public record Year(int year, BigDecimal hours, BigDecimal trainingHours, BigDecimal activityHours, int personTimes,
            BigDecimal requiredHours, boolean met) {
    }

    public record Training(String sessionId, String title, TrainingKind kind, LocalDate attendedOn, BigDecimal hours) {
    }

    public record Activity(String activityId, String partyOrganizationId, ActivityKind kind, LocalDate heldOn, String topic,
            BigDecimal hours) {
    }

    public record Absence(String activityId, String partyOrganizationId, ActivityKind kind, LocalDate heldOn, String reason) {
    }
}
