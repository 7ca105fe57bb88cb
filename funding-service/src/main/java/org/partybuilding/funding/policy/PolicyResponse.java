package org.partybuilding.funding.policy;

/**
 * A year's policy as the API shows it; {@code source} says whether it was set for that year
 * ({@code SET}) or is the configured default ({@code DEFAULT}, version 0).
 */
public record PolicyResponse(int fiscalYear, String perMemberYuan, String startupYuan, String source, long version) {
}
