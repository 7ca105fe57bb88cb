package org.partybuilding.training.records;

import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
class MemberRecordsController {

    private final MemberRecordsService records;

    MemberRecordsController(MemberRecordsService records) {
        this.records = records;
    }

    @GetMapping("/api/training/members/{memberId}/records")
    Mono<MemberRecords> records(@PathVariable String memberId, @RequestParam(required = false) Integer year, DataScope scope) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw new InvalidInputException("year", "must be between 2000 and 2100");
        }
        return records.records(memberId, year, scope);
    }
}
