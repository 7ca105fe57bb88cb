package org.partybuilding.funding.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.partybuilding.funding.context.DistrictState;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.ledger.EntryKind;
import org.partybuilding.funding.ledger.LedgerTotals;
import org.partybuilding.funding.money.Money;
import org.partybuilding.funding.report.FundingReport.GroupBy;
import org.partybuilding.funding.report.FundingReport.Row;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.spreadsheet.Amount;
import org.partybuilding.platform.spreadsheet.Table;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Builds reports from {@link LedgerTotals}: the ledger summed per year, kind, street and party organization in fen
 * in MongoDB, so a report over 100,000 entries is one read of the year's cells (one per party organization and kind),
 * summed here per street, kind or party organization. The rows, their per-kind columns and the total are all sums of
 * the same cells, so they agree with each other and with the ledger.
 */
@Service
public class FundingReports {

    private static final int KINDS = EntryKind.values().length;

    private final LedgerTotals totals;
    private final DistrictState state;
    private final District district;

    public FundingReports(LedgerTotals totals, DistrictState state, District district) {
        this.totals = totals;
        this.state = state;
        this.district = district;
    }

    /**
     * @param street             only this street's entries ({@code null}: all)
     * @param partyOrganizationId only this party organization's entries ({@code null}: all)
     */
    public Mono<FundingReport> report(int fiscalYear, GroupBy groupBy, String street, String partyOrganizationId) {
        return reports(fiscalYear, List.of(groupBy), street, partyOrganizationId).map(reports -> reports.get(0));
    }

    /**
     * The year's report in each grouping, all from one read of the totals (so they agree to the fen with each other),
     * with the party organizations' names where a grouping shows them.
     */
    public Mono<List<FundingReport>> reports(int fiscalYear, List<GroupBy> groupings, String street, String partyOrganizationId) {
        return Mono.zip(totals.cells(fiscalYear, street, partyOrganizationId), state.preExisting()).flatMap(read -> {
            List<LedgerTotals.Cell> cells = read.getT1();
            Mono<Map<String, String>> names = groupings.contains(GroupBy.partyOrganization)
                    ? state.names(cells.stream().map(c -> c.key().partyOrganizationId()).filter(java.util.Objects::nonNull)
                            .collect(java.util.stream.Collectors.toSet()))
                    : Mono.just(Map.of());
            return names.map(named -> groupings.stream()
                    .map(g -> report(fiscalYear, g, street, partyOrganizationId, cells, read.getT2(), named)).toList());
        });
    }

    private FundingReport report(int fiscalYear, GroupBy groupBy, String street, String partyOrganizationId,
            List<LedgerTotals.Cell> cells, List<PartyOrganizationView> preExistingOnes, Map<String, String> names) {
        // key -> [entries, members, fen per kind...]
        Map<String, long[]> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        Map<String, String> streetOf = new java.util.HashMap<>();
        // the cells are of the street and party organization asked for already (so read from MongoDB)
        for (LedgerTotals.Cell cell : cells) {
            LedgerTotals.Key key = cell.key();
            String group = switch (groupBy) {
                case street -> key.street();
                case partyOrganization -> key.partyOrganizationId();
                case kind -> key.kind().name();
            };
            long[] sums = groups.computeIfAbsent(group, g -> new long[2 + KINDS]);
            sums[0] += cell.entries();
            sums[1] += cell.members();
            sums[2 + key.kind().ordinal()] += cell.fen();
            if (groupBy == GroupBy.partyOrganization) {
                streetOf.putIfAbsent(group, key.street());
            }
        }
        List<Row> rows = new ArrayList<>(groups.size());
        long entries = 0;
        long totalFen = 0;
        for (Map.Entry<String, long[]> group : groups.entrySet()) {
            long[] sums = group.getValue();
            long fen = 0;
            for (int k = 0; k < KINDS; k++) {
                fen += sums[2 + k];
            }
            entries += sums[0];
            totalFen += fen;
            String key = group.getKey();
            String name = switch (groupBy) {
                case street -> key == null ? null : district.streets().getOrDefault(key, key);
                case partyOrganization -> names.get(key);
                case kind -> key;
            };
            String rowStreet = switch (groupBy) {
                case street -> key;
                case partyOrganization -> streetOf.get(key);
                case kind -> street;
            };
            rows.add(new Row(key, name, rowStreet, sums[0], sums[1], yuan(sums[2 + EntryKind.STARTUP_GRANT.ordinal()]),
                    yuan(sums[2 + EntryKind.ANNUAL_WORKING_FUNDS.ordinal()]), yuan(sums[2 + EntryKind.DUES_RETURN.ordinal()]),
                    yuan(sums[2 + EntryKind.ADJUSTMENT.ordinal()]), yuan(fen)));
        }
        List<FundingReport.PreExisting> preExisting = preExistingOnes.stream()
                .filter(p -> p.preExisting() && p.establishedOn() != null && p.establishedOn().getYear() == fiscalYear)
                .filter(p -> (street == null || street.equals(p.street()))
                        && (partyOrganizationId == null || partyOrganizationId.equals(p.id())))
                .sorted(Comparator.comparing(PartyOrganizationView::establishedOn).thenComparing(PartyOrganizationView::id))
                .map(p -> new FundingReport.PreExisting(p.id(), p.name(), p.street(), p.establishedOn()))
                .toList();
        return new FundingReport(fiscalYear, groupBy, street, rows, entries, yuan(totalFen), preExisting);
    }

    private static String yuan(long fen) {
        return Money.format(BigDecimal.valueOf(fen, 2));
    }

    /**
     * The report as a sheet: the group's own columns once (a street: its code and name; a party organization: id, name,
     * street; a kind: the kind), money as numbers formatted {@code #,##0.00} (so a spreadsheet sums them), a totals row
     * (合计) last. The party organizations recorded as pre-existing follow as a sheet (CSV section) of their own, if any.
     */
    public static List<Table> tables(FundingReport report) {
        List<String> headers = new ArrayList<>(switch (report.groupBy()) {
            case street -> List.of("街道 street", "名称 name");
            case partyOrganization -> List.of("党组织 party organization", "名称 name", "街道 street");
            case kind -> List.of("类别 kind");
        });
        int keyColumns = headers.size();
        headers.addAll(List.of("笔数 entries", "人数 members", "启动经费 start-up grants", "工作经费 annual working funds",
                "党费返还 dues returns", "调整 adjustments", "金额 amount (yuan)"));
        List<List<Object>> rows = new ArrayList<>();
        long members = 0;
        BigDecimal[] columns = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Row row : report.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.key() == null ? "" : row.key()));
            if (keyColumns > 1) {
                cells.add(row.name());
            }
            if (keyColumns > 2) {
                cells.add(row.street());
            }
            cells.add(row.entries());
            cells.add(row.members());
            String[] amounts = {row.startupGrants(), row.annualWorkingFunds(), row.duesReturns(), row.adjustments()};
            for (int c = 0; c < amounts.length; c++) {
                BigDecimal amount = new BigDecimal(amounts[c]);
                columns[c] = columns[c].add(amount);
                cells.add(Amount.of(amount));
            }
            cells.add(Amount.of(row.amount()));
            members += row.members();
            rows.add(cells);
        }
        List<Object> total = new ArrayList<>(List.of("合计 total"));
        for (int c = 1; c < keyColumns; c++) {
            total.add("");
        }
        total.add(report.entries());
        total.add(members);
        for (BigDecimal column : columns) {
            total.add(Amount.of(column));
        }
        total.add(Amount.of(report.total()));
        rows.add(total);
        List<Table> tables = new ArrayList<>(List.of(new Table("funding " + report.fiscalYear(), headers, rows)));
        if (!report.preExisting().isEmpty()) {
            tables.add(new Table("pre-existing " + report.fiscalYear(), List.of("党组织 party organization", "名称 name",
                    "街道 street", "成立日期 established on"), report.preExisting().stream()
                    .map(p -> List.<Object>of(p.partyOrganizationId(), p.name() == null ? "" : p.name(),
                            p.street() == null ? "" : p.street(), p.establishedOn()))
                    .toList()));
        }
        return tables;
    }
}
