package org.partybuilding.platform.district;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The district the platform serves: its administrative code, its streets (街道, code → name) and
 * the industries organizations are classified by. Configuration, not code (DOMAIN.md §5).
 */
@ConfigurationProperties("platform.district")
public record District(String code, String name, Map<String, String> streets, List<String> industries) {

    public District {
        streets = streets == null ? Map.of() : new LinkedHashMap<>(streets);
        industries = industries == null ? List.of() : List.copyOf(industries);
    }

    public boolean hasStreet(String street) {
        return street != null && streets.containsKey(street);
    }

    public boolean hasIndustry(String industry) {
        return industry != null && industries.contains(industry);
    }
}
