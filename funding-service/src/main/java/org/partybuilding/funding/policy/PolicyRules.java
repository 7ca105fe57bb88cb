package org.partybuilding.funding.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.partybuilding.funding.money.Money;
import org.partybuilding.platform.problem.FieldError;

/**
 * What a fiscal year and a policy change must satisfy: a year within the configured range, and
 * amounts that are exact yuan (not negative, at most 2 decimals). Every failing field is named.
 */
public final class PolicyRules {

    private PolicyRules() {
    }

    public static Optional<FieldError> checkYear(int year, PolicySettings settings) {
        if (year < settings.earliestYear() || year > settings.latestYear()) {
            return Optional.of(new FieldError("year",
                    "must be a fiscal year from " + settings.earliestYear() + " to " + settings.latestYear()));
        }
        return Optional.empty();
    }

    public static List<FieldError> check(int year, PolicyChange change, PolicySettings settings) {
        List<FieldError> errors = new ArrayList<>();
        checkYear(year, settings).ifPresent(errors::add);
        Money.problem(change.perMemberYuan()).ifPresent(problem -> errors.add(new FieldError("perMemberYuan", problem)));
        Money.problem(change.startupYuan()).ifPresent(problem -> errors.add(new FieldError("startupYuan", problem)));
        return errors;
    }
}
