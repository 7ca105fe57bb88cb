package org.partybuilding.member.transfers;

import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.Transfer;

/** A transfer as the API shows it, with the member it moves. */
public record TransferView(String memberId, String memberName, String street, Transfer transfer) {

    static TransferView of(Member m, Transfer t) {
        return new TransferView(m.id(), m.name(), m.street(), t);
    }
}
