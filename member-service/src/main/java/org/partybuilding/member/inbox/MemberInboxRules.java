package org.partybuilding.member.inbox;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.partybuilding.member.reports.ArrearsEntry;
import org.partybuilding.member.reports.PipelineReport;
import org.partybuilding.member.reports.TransferDueReport;
import org.partybuilding.platform.inbox.InboxItem;

/**
 * Which members are due in member-service's part of the work inbox (DOMAIN.md §6), in plain Java. Who is eligible and
 * since when is decided once, by the reports (rule 8's pipeline, rule 9's transfer-due list, rule 11's arrears); this
 * class says which of their lines are work to do now:
 * <ul>
 * <li>{@code APPLICANT_TALK_OVERDUE}: every overdue talk, since the day it was due;</li>
 * <li>{@code ACTIVIST_ELIGIBLE_FOR_TARGET}: activists eligible now, since their year as activist ended;</li>
 * <li>{@code PROBATION_ENDING}: probation (extension included) ends within {@code probation-warning-days} or ended;
 *     due on its end;</li>
 * <li>{@code MOBILE_TRANSFER_DUE}: since 6 months after they started working here;</li>
 * <li>{@code TRANSFER_REQUIRED}: since the member was flagged (the member's last change: the platform keeps no date of
 *     the dissolution with the member);</li>
 * <li>{@code DUES_ARREARS}: since the first unpaid month of the run.</li>
 * </ul>
 */
public final class MemberInboxRules {

    public static final String RULE_8 = "RULE_8_DEVELOPMENT_STAGES";
    public static final String RULE_9 = "RULE_9_MOBILE_MEMBER_TRANSFER";
    public static final String RULE_10 = "RULE_10_RELATIONSHIP_TRANSFER";
    public static final String RULE_11 = "RULE_11_DUES_ARREARS";

    private final MemberInboxSettings settings;

    public MemberInboxRules(MemberInboxSettings settings) {
        this.settings = settings;
    }

    private static String route(String memberId) {
        return "/members/" + memberId;
    }

    public Optional<InboxItem> applicantTalk(PipelineReport.Entry e) {
        return Optional.of(new InboxItem(MemberInboxKind.APPLICANT_TALK_OVERDUE.name(), e.memberId(), e.name(), null,
                e.eligibleFrom(), RULE_8, route(e.memberId()), e.street(), e.partyOrganizationId()));
    }

    public Optional<InboxItem> activist(PipelineReport.Entry e) {
        return e.eligibleNow() ? Optional.of(new InboxItem(MemberInboxKind.ACTIVIST_ELIGIBLE_FOR_TARGET.name(), e.memberId(),
                e.name(), null, e.eligibleFrom(), RULE_8, route(e.memberId()), e.street(), e.partyOrganizationId()))
                : Optional.empty();
    }

    public Optional<InboxItem> probationer(PipelineReport.Entry e, LocalDate today) {
        return e.eligibleFrom().isAfter(today.plusDays(settings.probationWarningDays())) ? Optional.empty()
                : Optional.of(new InboxItem(MemberInboxKind.PROBATION_ENDING.name(), e.memberId(), e.name(), e.eligibleFrom(), null,
                        RULE_8, route(e.memberId()), e.street(), e.partyOrganizationId()));
    }

    public InboxItem mobileTransfer(TransferDueReport.Entry e) {
        return new InboxItem(MemberInboxKind.MOBILE_TRANSFER_DUE.name(), e.memberId(), e.name(), null, e.dueSince(), RULE_9,
                route(e.memberId()), e.street(), e.partyOrganizationId());
    }

    public InboxItem transferRequired(String memberId, String name, String street, String partyOrganizationId, LocalDate flaggedOn) {
        return new InboxItem(MemberInboxKind.TRANSFER_REQUIRED.name(), memberId, name, null, flaggedOn, RULE_10, route(memberId),
                street, partyOrganizationId);
    }

    public InboxItem arrears(ArrearsEntry e) {
        YearMonth since = e.unpaidSince();
        return new InboxItem(MemberInboxKind.DUES_ARREARS.name(), e.memberId(), e.name(), null, since.atDay(1), RULE_11,
                route(e.memberId()), e.street(), e.partyOrganizationId());
    }
}
