package org.partybuilding.branch;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.partybuilding.branch.coverage.CoverageRules;
import org.partybuilding.branch.partyorganization.FormationRules;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The rule numbers the unit tests decide with: {@code branch.rules.*} bound from the service's own application.yml,
 * exactly as the service binds them, so the numbers have one home and a test never carries a second copy.
 */
public final class ConfiguredRules {

    private static final BranchRulesProperties RULES = load();

    private ConfiguredRules() {
    }

    public static BranchRulesProperties properties() {
        return RULES;
    }

    public static FormationRules.Settings formation() {
        return RULES.formationSettings();
    }

    public static CoverageRules.Thresholds coverage() {
        return RULES.coverageThresholds();
    }

    private static BranchRulesProperties load() {
        try {
            var sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources)).bind("branch.rules", BranchRulesProperties.class)
                    .orElseThrow(() -> new IllegalStateException("application.yml has no branch.rules"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
