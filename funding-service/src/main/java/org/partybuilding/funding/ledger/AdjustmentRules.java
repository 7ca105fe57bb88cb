package org.partybuilding.funding.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.funding.money.Money;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;

/** What an adjustment must be: a known-looking party organization id, a fiscal year, a signed non-zero exact amount, a reason. */
public final class AdjustmentRules {

    public static final int MAX_REASON = 500;

    public record Checked(String partyOrganizationId, int fiscalYear, BigDecimal amount, String reason) {
    }

    private AdjustmentRules() {
    }

    public static List<FieldError> errors(AdjustmentRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.partyOrganizationId() == null || request.partyOrganizationId().isBlank()) {
            errors.add(new FieldError("partyOrganizationId", "is required"));
        }
        if (request.fiscalYear() == null) {
            errors.add(new FieldError("fiscalYear", "is required"));
        } else if (request.fiscalYear() < 2000 || request.fiscalYear() > 2100) {
            errors.add(new FieldError("fiscalYear", "must be a fiscal year from 2000 to 2100"));
        }
        String amount = request.amount();
        String magnitude = amount != null && amount.startsWith("-") ? amount.substring(1) : amount;
        Money.problem(magnitude).ifPresentOrElse(problem -> errors.add(new FieldError("amount", problem)), () -> {
            if (new BigDecimal(magnitude).signum() == 0) {
                errors.add(new FieldError("amount", "must not be zero"));
            }
        });
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(new FieldError("reason", "is required: an adjustment says why"));
        } else if (request.reason().length() > MAX_REASON) {
            errors.add(new FieldError("reason", "must be at most " + MAX_REASON + " characters"));
        }
        return errors;
    }

    public static Checked check(AdjustmentRequest request) {
        List<FieldError> errors = errors(request);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(request.partyOrganizationId(), request.fiscalYear(),
                new BigDecimal(request.amount()).setScale(Money.SCALE), request.reason().strip());
    }
}
