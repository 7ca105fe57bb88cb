package org.partybuilding.funding.policy;

/**
 * The body of {@code PUT /api/funding/policies/{year}}: both amounts as decimal strings in yuan
 * with at most 2 decimals, e.g. {@code {"perMemberYuan": "100.00", "startupYuan": "1000.00"}}.
 */
public record PolicyChange(String perMemberYuan, String startupYuan) {
}
