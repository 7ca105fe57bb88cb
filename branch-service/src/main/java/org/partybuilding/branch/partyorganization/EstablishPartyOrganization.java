package org.partybuilding.branch.partyorganization;

import java.time.LocalDate;
import java.util.List;

import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/branches}: establish (成立) a party organization covering registry organizations.
 *
 * @param street   the street it belongs to (a street admin establishes only in its own)
 * @param industry the industry of a joint organization formed by industry; optional
 * @param superior the superior party organization (上级党组织), e.g. the social-organization party work committee
 */
public record EstablishPartyOrganization(
        @NotBlank @Size(max = 200) String name,
        @NotNull PartyOrganizationType type,
        @NotNull Formation formation,
        @NotEmpty @Size(max = 50) List<@NotBlank String> organizationIds,
        @NotBlank String street,
        String industry,
        @NotBlank @Size(max = 200) String superior,
        @NotNull LocalDate establishedOn,
        Boolean approvedBySuperior) {
}
