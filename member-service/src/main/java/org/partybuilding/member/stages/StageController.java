package org.partybuilding.member.stages;

import org.partybuilding.member.members.MemberResponse;
import org.partybuilding.member.members.PersonalData;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
class StageController {

    private final StageTransitions transitions;
    private final StageCorrections corrections;
    private final PersonalData personalData;

    StageController(StageTransitions transitions, StageCorrections corrections, PersonalData personalData) {
        this.transitions = transitions;
        this.corrections = corrections;
        this.personalData = personalData;
    }

    /** 200 with the member after the transition; 422 naming the rule (and {@code facts.allowedFrom}) when refused. */
    @PostMapping("/api/members/{id}/stage-transitions")
    Mono<ResponseEntity<MemberResponse>> transition(@PathVariable String id, @Valid @RequestBody StageTransition body,
            DataScope scope) {
        return transitions.transition(id, body, scope).map(m -> ResponseEntity.ok()
                .header(HttpHeaders.ETAG, Versions.etag(m.version())).body(personalData.response(m, scope)));
    }

    /** 200 with the member after the correction; 400/422 as a registration at that stage would be, nothing changed. */
    @PostMapping("/api/members/{id}/corrections")
    Mono<ResponseEntity<MemberResponse>> correct(@PathVariable String id, @Valid @RequestBody StageCorrection body, DataScope scope) {
        return corrections.correct(id, body, scope).map(m -> ResponseEntity.ok()
                .header(HttpHeaders.ETAG, Versions.etag(m.version())).body(personalData.response(m, scope)));
    }
}
