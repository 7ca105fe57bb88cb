package org.partybuilding.member.members;

import org.partybuilding.member.development.Stage;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The list filters of API.md: {@code organizationId}, {@code partyOrganizationId}, {@code stage}, {@code street},
 * {@code mobile}, {@code status}, {@code transferRequired}; {@code q} (the name contains it, any case) and
 * {@code idNumber} (the full ID number, matched exactly by its keyed hash).
 */
public record MemberFilter(String organizationId, String partyOrganizationId, Stage stage, String street, Boolean mobile,
        MemberStatus status, Boolean transferRequired, String q, String idNumber) {

    private static final String REGEX_SPECIALS = "\\^$.|?*+()[]{}";

    public MemberFilter {
        q = q == null || q.isBlank() ? null : q.trim();
        idNumber = idNumber == null || idNumber.isBlank() ? null : idNumber.trim();
    }

    /**
     * Adds the filters other than street and party organization, which {@link MemberAccess#scoped} decides;
     * {@code idNumberHash} is the keyed hash of {@link #idNumber} (the caller computes it).
     */
    Criteria addTo(Criteria criteria, String idNumberHash) {
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
        if (q != null) {
            criteria.and("name").regex(literal(q), "i");
        }
        if (idNumberHash != null) {
            criteria.and("idNumberHash").is(idNumberHash);
        }
        return criteria;
    }

    /** The text as a regular expression matching itself. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (REGEX_SPECIALS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
