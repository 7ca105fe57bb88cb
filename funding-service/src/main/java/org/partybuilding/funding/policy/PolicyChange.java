package org.partybuilding.funding.policy;

/** The body of {@code PUT /api/funding/policies/{year}}: amounts as decimal strings, e.g. {@code "100.00"}. */
public record PolicyChange(String perMemberYuan, String startupYuan) {
}
