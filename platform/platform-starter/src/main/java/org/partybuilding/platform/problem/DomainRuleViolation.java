package org.partybuilding.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * 422: a rule of DOMAIN.md refuses the request. {@code rule} names it (e.g. {@code RULE_1_SINGLE_NEEDS_THREE_FORMAL_MEMBERS});
 * {@code facts} carry the figures that decided it, so the client can show them plainly.
 */
public class DomainRuleViolation extends ApiException {

    private final String rule;
    private final Map<String, Object> facts;

    public DomainRuleViolation(String rule, String detail) {
        this(rule, detail, Map.of());
    }

    public DomainRuleViolation(String rule, String detail, Map<String, Object> facts) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "domain-rule", "Refused by a domain rule", detail);
        this.rule = rule;
        this.facts = Map.copyOf(facts);
    }

    public String rule() {
        return rule;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("rule", rule);
        if (!facts.isEmpty()) {
            properties.put("facts", facts);
        }
        return properties;
    }
}
