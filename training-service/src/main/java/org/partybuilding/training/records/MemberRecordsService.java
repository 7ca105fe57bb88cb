package org.partybuilding.training.records;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.training.access.TrainingAccess;
import org.partybuilding.training.activities.Activity;
import org.partybuilding.training.compliance.TrainingSettings;
import org.partybuilding.training.context.Directory;
import org.partybuilding.training.context.KnownMember;
import org.partybuilding.training.context.KnownPartyOrganization;
import org.partybuilding.training.ledger.TrainingLedger;
import org.partybuilding.training.sessions.Attendance;
import org.partybuilding.training.sessions.TrainingSession;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A member's history (from the collections) and yearly hours (from the ledger), within the caller's scope. */
@Service
public class MemberRecordsService {

    private final ReactiveMongoTemplate mongo;
    private final Directory directory;
    private final TrainingLedger ledger;
    private final YearlyHours yearlyHours;
    private final Clock clock;

    public MemberRecordsService(ReactiveMongoTemplate mongo, Directory directory, TrainingLedger ledger, TrainingSettings settings,
            Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.ledger = ledger;
        this.yearlyHours = new YearlyHours(settings);
        this.clock = clock;
    }

    public Mono<MemberRecords> records(String memberId, Integer year, DataScope scope) {
        KnownMember m = directory.member(memberId).orElse(null);
        if (m == null || !TrainingAccess.mayRead(scope, m)) {
            return Mono.error(new NotFoundException("Member", memberId));
        }
        String role = role(memberId);
        boolean leader = !"MEMBER".equals(role);
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.addAll(ledger.years(memberId));
        years.add(year != null ? year : LocalDate.now(clock).getYear());
        List<MemberRecords.Year> yearly = years.stream()
                .filter(y -> year == null || y.equals(year))
                .map(y -> {
                    var t = ledger.totals(memberId, y);
                    return new MemberRecords.Year(y, t.hours(), t.trainingHours(), t.activityHours(), t.personTimes(),
                            yearlyHours.required(leader), yearlyHours.met(t.hours(), leader));
                }).toList();

        Criteria attended = Criteria.where("memberId").is(memberId);
        Criteria inActivities = Criteria.where("attendeeIds").is(memberId);
        Criteria absent = Criteria.where("absentees.memberId").is(memberId);
        if (year != null) {
            attended.and("attendedOn").gte(LocalDate.of(year, 1, 1)).lte(LocalDate.of(year, 12, 31));
            inActivities.and("year").is(year);
            absent.and("year").is(year);
        }
        Mono<List<MemberRecords.Training>> trainings = mongo.find(Query.query(attended), Attendance.class).collectList()
                .flatMap(list -> Flux.fromIterable(list.stream().map(Attendance::sessionId).distinct().toList())
                        .flatMap(id -> mongo.findById(id, TrainingSession.class))
                        .collectMap(TrainingSession::id, Function.identity())
                        .map(sessions -> list.stream().map(a -> new MemberRecords.Training(a.sessionId(),
                                        sessions.containsKey(a.sessionId()) ? sessions.get(a.sessionId()).title() : null, a.kind(),
                                        a.attendedOn(), a.hours()))
                                .sorted(Comparator.comparing(MemberRecords.Training::attendedOn).reversed()).toList()));
        Query activityQuery = Query.query(inActivities).with(Sort.by(Sort.Order.desc("heldOn")));
        activityQuery.fields().exclude("outbox", "absentees", "attendeeIds");
        Mono<List<MemberRecords.Activity>> activities = mongo.find(activityQuery, Activity.class)
                .map(a -> new MemberRecords.Activity(a.id(), a.partyOrganizationId(), a.kind(), a.heldOn(), a.topic(), a.hours()))
                .collectList();
        Query absenceQuery = Query.query(absent).with(Sort.by(Sort.Order.desc("heldOn")));
        absenceQuery.fields().exclude("outbox", "attendeeIds");
        Mono<List<MemberRecords.Absence>> absences = mongo.find(absenceQuery, Activity.class)
                .map(a -> new MemberRecords.Absence(a.id(), a.partyOrganizationId(), a.kind(), a.heldOn(), a.absentees().stream()
                        .filter(x -> memberId.equals(x.memberId())).map(x -> x.reason()).findFirst().orElse(null)))
                .collectList();
        return Mono.zip(trainings, activities, absences).map(all -> new MemberRecords(memberId, m.name(), m.partyOrganizationId(),
                m.street(), role, yearly, all.getT1(), all.getT2(), all.getT3()));
    }

    /** {@code SECRETARY}, {@code COMMITTEE_MEMBER} (of any active party organization) or {@code MEMBER}. */
    private String role(String memberId) {
        Map<Boolean, List<KnownPartyOrganization>> led = directory.partyOrganizations().stream()
                .filter(p -> p.active() && p.isLeader(memberId)).collect(Collectors.partitioningBy(p -> p.isSecretary(memberId)));
        return !led.get(true).isEmpty() ? "SECRETARY" : !led.get(false).isEmpty() ? "COMMITTEE_MEMBER" : "MEMBER";
    }
}
