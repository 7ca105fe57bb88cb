package org.partybuilding.member.annual;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.member.development.Stage;
import org.partybuilding.member.members.MemberDirectory;
import org.partybuilding.member.members.Transfer;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.annual.AnnualPeriod;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/members/reports/annual?year=&street=}: party members at the start and end of the year, members developed
 * per stage reached, transfers completed — from the dated facts of every member ({@link MemberAnnualRules}), as the
 * {@link MemberDirectory} holds them in memory.
 * District-wide readers and a street admin (its street); a branch secretary reports to no district committee.
 */
@RestController
@Tag(name = "annual report", description = "Annual report to the district committee (每年向区委报告)")
class MemberAnnualController {

    private final MemberDirectory directory;
    private final District district;
    private final Clock clock;

    MemberAnnualController(MemberDirectory directory, District district, Clock clock) {
        this.directory = directory;
        this.district = district;
        this.clock = clock;
    }

    @GetMapping(value = "/api/members/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The member section of the annual report: party members at start and end, developed per stage, transfers")
    Mono<MemberAnnualSection> annual(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            DataScope scope) {
        return Mono.defer(() -> section(year, street, scope));
    }

    @GetMapping(value = "/api/members/reports/annual", produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        return Mono.defer(() -> section(year, street, scope))
                .map(s -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "annual-members-" + s.year(), tables(s)));
    }

    private Mono<MemberAnnualSection> section(Integer year, String street, DataScope scope) {
        AnnualPeriod period = AnnualPeriod.of(year, street, district, clock);
        String scoped = scope.streetToRead(period.street());
        int y = period.year();
        LocalDate startOn = period.startOn();
        LocalDate endOn = period.endOn();
        LocalDate today = period.today();
        Map<Stage, Integer> atStart = new EnumMap<>(Stage.class);
        Map<Stage, Integer> atEnd = new EnumMap<>(Stage.class);
        Map<Stage, Integer> developed = MemberAnnualRules.emptyStages();
        Map<Transfer.TransferKind, Integer> transfers = new EnumMap<>(Transfer.TransferKind.class);
        for (Transfer.TransferKind k : Transfer.TransferKind.values()) {
            transfers.put(k, 0);
        }
        atStart.put(Stage.FORMAL, 0);
        atStart.put(Stage.PROBATIONARY, 0);
        atEnd.put(Stage.FORMAL, 0);
        atEnd.put(Stage.PROBATIONARY, 0);
        // every member, former ones too, from the directory's dated facts: reading 100,000 members costs seconds
        return Mono.fromSupplier(() -> directory.everyone(m -> scoped == null || scoped.equals(m.street()))).map(members -> {
            for (MemberDirectory.Entry m : members) {
                MemberAnnualRules.Facts facts = new MemberAnnualRules.Facts(m.dates(), m.status(), m.leftOn(), m.transfers());
                MemberAnnualRules.developed(facts, y, developed);
                MemberAnnualRules.transfers(facts, y, transfers);
                Stage start = MemberAnnualRules.partyStandingOn(facts, startOn);
                if (start != null) {
                    atStart.merge(start, 1, Integer::sum);
                }
                Stage end = MemberAnnualRules.partyStandingOn(facts, endOn);
                if (end != null) {
                    atEnd.merge(end, 1, Integer::sum);
                }
            }
            return new MemberAnnualSection(y, scoped, scoped == null ? null : district.streets().get(scoped),
                    today, startOn, endOn, names(atStart), names(atEnd), names(developed), names(transfers));
        });
    }

    private static <E extends Enum<E>> Map<String, Integer> names(Map<E, Integer> counts) {
        Map<String, Integer> named = new LinkedHashMap<>();
        counts.forEach((k, v) -> named.put(k.name(), v));
        return named;
    }

    private static final Map<String, String> LABELS = Map.of("APPLICANT", "入党申请人", "ACTIVIST", "入党积极分子",
            "DEVELOPMENT_TARGET", "发展对象", "PROBATIONARY", "预备党员", "FORMAL", "正式党员", "OUT", "区内转出",
            "OUT_OF_DISTRICT", "转出本区", "IN", "转入");

    static List<Table> tables(MemberAnnualSection s) {
        List<List<Object>> standing = new ArrayList<>();
        for (String stage : List.of("FORMAL", "PROBATIONARY")) {
            standing.add(List.of(LABELS.get(stage), s.partyMembersAtStart().get(stage), s.partyMembersAtEnd().get(stage)));
        }
        List<List<Object>> developed = new ArrayList<>();
        s.developed().forEach((stage, n) -> developed.add(List.of(LABELS.getOrDefault(stage, stage), n)));
        List<List<Object>> transfers = new ArrayList<>();
        s.transfers().forEach((kind, n) -> transfers.add(List.of(LABELS.getOrDefault(kind, kind), n)));
        return List.of(new Table("党员", List.of("类别", "年初（" + s.startOn() + "）", "年末（" + s.endOn() + "）"), standing),
                new Table("发展党员", List.of("年内达到的阶段", "人数"), developed),
                new Table("组织关系转接", List.of("类别", "年内办结"), transfers));
    }
}
