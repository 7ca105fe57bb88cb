package org.partybuilding.funding.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The ledger summed per fiscal year, kind, street and party organization, in memory, in integer fen (分): exact
 * and cheap to add. Rebuilt from the entries at start-up (before the listeners run), then added to for each
 * entry this instance stores — only when the insert stored it, so a duplicate adds nothing. Reports are
 * built from these cells, so their totals equal the sum of the ledger without reading it per request.
 */
@Component
public class LedgerTotals implements InitializingBean {

    /** One cell's key; {@code street} and {@code partyOrganizationId} as the entries have them. */
    public record Key(int fiscalYear, EntryKind kind, String street, String partyOrganizationId) {
    }

    /** A cell: entries, their sum in fen, and the members annual allocations were computed from. */
    public record Cell(Key key, long entries, long fen, long members) {

        public BigDecimal yuan() {
            return BigDecimal.valueOf(fen, 2);
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final Map<Key, long[]> cells = new ConcurrentHashMap<>();

    public LedgerTotals(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        rebuild();
    }

    /** Sums every stored entry again (start-up, and tests that simulate a restart). */
    public synchronized void rebuild() {
        Query all = new Query();
        all.fields().include("kind", "street", "partyOrganizationId", "fiscalYear", "amount", "members");
        List<Document> entries = mongo.find(all, Document.class, LedgerEntry.COLLECTION).collectList().block(Duration.ofMinutes(5));
        cells.clear();
        for (Document entry : entries) {
            Object amount = entry.get("amount");
            BigDecimal yuan = amount instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(String.valueOf(amount));
            Number members = entry.get("members", Number.class);
            add(new Key(entry.getInteger("fiscalYear"), EntryKind.valueOf(entry.getString("kind")), entry.getString("street"),
                    entry.getString("partyOrganizationId")), yuan, members == null ? 0 : members.longValue());
        }
    }

    public void added(LedgerEntry entry) {
        add(new Key(entry.fiscalYear(), entry.kind(), entry.street(), entry.partyOrganizationId()), entry.amount(),
                entry.members() == null ? 0 : entry.members());
    }

    private void add(Key key, BigDecimal yuan, long members) {
        long fen = yuan.movePointRight(2).longValueExact();
        long[] cell = cells.computeIfAbsent(key, k -> new long[3]);
        synchronized (cell) {
            cell[0]++;
            cell[1] = Math.addExact(cell[1], fen);
            cell[2] += members;
        }
    }

    /** The year's cells (a copy). */
    public List<Cell> ofYear(int fiscalYear) {
        List<Cell> result = new ArrayList<>();
        cells.forEach((key, cell) -> {
            if (key.fiscalYear() == fiscalYear) {
                synchronized (cell) {
                    result.add(new Cell(key, cell[0], cell[1], cell[2]));
                }
            }
        });
        return result;
    }
}
