package org.partybuilding.member.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * The inbox's own number ({@code member.inbox.*}); the other thresholds are rule 8, 9 and 11's {@code member.rules.*}
 * and {@code member.dues.*}.
 *
 * @param probationWarningDays a probation that ends within this many days (or has ended) is in the inbox
 */
@Validated
@ConfigurationProperties("member.inbox")
public record MemberInboxSettings(@PositiveOrZero int probationWarningDays) {
}
