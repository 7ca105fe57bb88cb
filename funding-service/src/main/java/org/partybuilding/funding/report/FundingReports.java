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
import org.partybuilding.platform.spreadsheet.Table;
import org.springframework.stereotype.Service;

/**
 * Builds reports from {@link LedgerTotals}: the ledger summed per year, kind, street and party organization in fen,
 * so a report over 100,000 entries adds up a few thousand cells and reads nothing. The rows, their per-kind
 * columns and the total are all sums of the same cells, so they agree with each other and with the ledger.
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
    public FundingReport report(int fiscalYear, GroupBy groupBy, String street, String partyOrganizationId) {
        // key -> [entries, members, fen per kind...]
        Map<String, long[]> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        Map<String, String> streetOf = new java.util.HashMap<>();
        for (LedgerTotals.Cell cell : totals.ofYear(fiscalYear)) {
            LedgerTotals.Key key = cell.key();
            if ((street != null && !street.equals(key.street()))
                    || (partyOrganizationId != null && !partyOrganizationId.equals(key.partyOrganizationId()))) {
                continue;
            }
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
                case partyOrganization -> state.partyOrganization(key).map(PartyOrganizationView::name).orElse(null);
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
        return new FundingReport(fiscalYear, groupBy, street, rows, entries, yuan(totalFen));
    }

    private static String yuan(long fen) {
        return Money.format(BigDecimal.valueOf(fen, 2));
    }

    /** The report as a sheet: money as numbers (so a spreadsheet sums them), and a totals row (合计) last. */
    public static Table table(FundingReport report) {
        List<String> headers = List.of(switch (report.groupBy()) {
            case street -> "街道 street";
            case partyOrganization -> "党组织 party organization";
            case kind -> "类别 kind";
        }, "名称 name", "街道 street", "笔数 entries", "人数 members", "启动经费 start-up grants", "工作经费 annual working funds",
                "党费返还 dues returns", "调整 adjustments", "金额 amount (yuan)");
        List<List<Object>> rows = new ArrayList<>();
        long members = 0;
        BigDecimal[] columns = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Row row : report.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.key());
            cells.add(row.name());
            cells.add(row.street());
            cells.add(row.entries());
            cells.add(row.members());
            String[] amounts = {row.startupGrants(), row.annualWorkingFunds(), row.duesReturns(), row.adjustments()};
            for (int c = 0; c < amounts.length; c++) {
                BigDecimal amount = new BigDecimal(amounts[c]);
                columns[c] = columns[c].add(amount);
                cells.add(amount);
            }
            cells.add(new BigDecimal(row.amount()));
            members += row.members();
            rows.add(cells);
        }
        List<Object> total = new ArrayList<>(List.of("合计 total", "", "", report.entries(), members));
        for (BigDecimal column : columns) {
            total.add(column.setScale(Money.SCALE));
        }
        total.add(new BigDecimal(report.total()));
        rows.add(total);
        return new Table("funding " + report.fiscalYear(), headers, rows);
    }
}
