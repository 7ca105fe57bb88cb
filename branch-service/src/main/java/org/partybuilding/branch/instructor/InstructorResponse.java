package org.partybuilding.branch.instructor;

import java.time.LocalDate;
import java.util.List;

/** An instructor as the API shows it; {@code phone} is masked unless the caller may see personal data in its streets. */
public record InstructorResponse(String id, long version, String name, String phone, List<String> organizationIds,
        List<String> streets, LocalDate assignedOn) {
}
