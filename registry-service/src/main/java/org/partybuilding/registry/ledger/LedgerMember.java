package org.partybuilding.registry.ledger;

import org.partybuilding.events.MemberSnapshot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the ledger keeps of a member from member-service's events: employer, stage and status, to
 * count party members per organization. No name, no personal data: the ledger does not need them.
 */
@Document(LedgerMember.COLLECTION)
record LedgerMember(@Id String id, long version, String organizationId, String stage, String status) {

    static final String COLLECTION = "ledger_members";

    static LedgerMember of(MemberSnapshot s) {
        return new LedgerMember(s.id(), s.version(), s.organizationId(), s.stage(), s.status());
    }
}
