package org.partybuilding.branch.instructor;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/branches/instructors}: an instructor (党建工作指导员) for organizations without members.
 *
 * @param assignedOn defaults to today
 */
public record AssignInstructor(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Pattern(regexp = "1\\d{10}", message = "must be an 11-digit mobile number") String phone,
        @NotEmpty @Size(max = 50) List<@NotBlank String> organizationIds,
        LocalDate assignedOn) {
}
