package org.partybuilding.member.members;

import org.springframework.data.mongodb.core.query.Criteria;

/** The list filters of API.md: {@code organizationId}, {@code partyOrganizationId}, {@code stage}, {@code street}, {@code mobile}, {@code status}, {@code transferRequired}. */
public record MemberFilter(String organizationId, String partyOrganizationId, Stage stage, String street, Boolean mobile,
        MemberStatus status, Boolean transferRequired) {

    /** Adds the filters other than street and party organization, which {@link MemberAccess#scoped} decides. */
    Criteria addTo(Criteria criteria) {
        if (organizationId != null) {
            criteria.and("organizationId").is(organizationId);
        }
        if (stage != null) {
            criteria.and("stage").is(stage);
        }
        if (mobile != null) {
            // One expression per field: a mobile member has the field set, anybody else has it absent or null.
            if (mobile) {
                criteria.and("mobile").ne(null);
            } else {
                criteria.and("mobile").is(null);
            }
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (transferRequired != null) {
            criteria.and("transferRequired").is(transferRequired);
        }
        return criteria;
    }
}
