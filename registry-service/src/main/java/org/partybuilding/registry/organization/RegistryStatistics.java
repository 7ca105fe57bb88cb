package org.partybuilding.registry.organization;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/registry/statistics}: organizations counted by type, street, status and
 * registration level, and the employees and full-time staff of the active ones.
 */
public record RegistryStatistics(long organizations, long active, Map<String, Long> byType, Map<String, Long> byStreet,
        Map<String, Long> byStatus, Map<String, Long> byRegistrationLevel, long employees, long fullTimeStaff) {

    static RegistryStatistics of(List<Organization> organizations) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byStreet = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byLevel = new TreeMap<>();
        long active = 0;
        long employees = 0;
        long fullTime = 0;
        for (Organization o : organizations) {
            byType.merge(o.type().name(), 1L, Long::sum);
            byStreet.merge(o.street(), 1L, Long::sum);
            byStatus.merge(o.status().name(), 1L, Long::sum);
            byLevel.merge(o.registrationLevel().name(), 1L, Long::sum);
            if (o.active()) {
                active++;
                employees += o.employees();
                fullTime += o.fullTimeStaff();
            }
        }
        return new RegistryStatistics(organizations.size(), active, byType, byStreet, byStatus, byLevel, employees, fullTime);
    }
}
