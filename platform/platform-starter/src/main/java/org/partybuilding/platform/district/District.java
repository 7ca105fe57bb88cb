package org.partybuilding.platform.district;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The district the platform serves: its administrative code, its streets (街道, code → name) and
 * the industries organizations are classified by, with their Chinese names. Configuration, not
 * code (DOMAIN.md §5).
 */
@ConfigurationProperties("platform.district")
public record District(String code, String name, Map<String, String> streets, List<String> industries,
        Map<String, String> industryNames) {

    @ConstructorBinding
    public District {
        streets = streets == null ? Map.of() : new LinkedHashMap<>(streets);
        industries = industries == null ? List.of() : List.copyOf(industries);
        industryNames = industryNames == null ? Map.of() : new LinkedHashMap<>(industryNames);
    }

    public District(String code, String name, Map<String, String> streets, List<String> industries) {
        this(code, name, streets, industries, Map.of());
    }

    public boolean hasStreet(String street) {
        return street != null && streets.containsKey(street);
    }

    public boolean hasIndustry(String industry) {
        return industry != null && industries.contains(industry);
    }

    /** The street a user named by its code ({@code JIANSHE}) or its name (建设, 建设街, 建设街道). */
    public Optional<String> streetNamed(String codeOrName) {
        return named(codeOrName, streets, "街道", "街");
    }

    /** The industry a user named by its code ({@code EDUCATION}) or its Chinese name (教育). */
    public Optional<String> industryNamed(String codeOrName) {
        if (codeOrName != null && industries.contains(codeOrName.trim().toUpperCase(java.util.Locale.ROOT))) {
            return Optional.of(codeOrName.trim().toUpperCase(java.util.Locale.ROOT));
        }
        return named(codeOrName, industryNames, "");
    }

    private static Optional<String> named(String codeOrName, Map<String, String> names, String... suffixes) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String wanted = codeOrName.trim();
        if (names.containsKey(wanted.toUpperCase(java.util.Locale.ROOT))) {
            return Optional.of(wanted.toUpperCase(java.util.Locale.ROOT));
        }
        for (String suffix : suffixes) {
            if (!suffix.isEmpty() && wanted.endsWith(suffix)) {
                wanted = wanted.substring(0, wanted.length() - suffix.length());
                break;
            }
        }
        String name = wanted;
        return names.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst();
    }
}
