package org.partybuilding.member.dues;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.partybuilding.platform.readmodel.ChangeLog;
import org.partybuilding.platform.readmodel.CurrentCopy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The months each member paid, as far as rule 11's arrears need them (the last two months paid), held in memory by
 * every instance: the arrears list and the work inbox look at every party member of a district per request, and
 * asking the database who paid which of the last months read a large share of all dues payments each time.
 * <p>
 * Never older than the database for a request: every payment is counted in MongoDB after it is stored (platform-starter's
 * {@link ChangeLog}: the payment first, then the counter), and {@link #current()} keeps the copy current against it
 * ({@link CurrentCopy}: patched with the payments the log names, or every payment read again, only member and month). Payments are never changed or removed,
 * so a copy only grows. Two months a member are kept, not all: a month after the current one cannot be paid
 * ({@link MemberDues#pay}), so the last month paid before the current one is the latest paid or, once the current month
 * is paid, the one before it.
 */
@Component
public class PaidMonths implements ApplicationRunner {

    /** Log entries kept behind the counter; a copy further behind reads every payment again. */
    static final long KEPT = 20_000;
    /** Steps behind the counter a copy is patched by the payments the log names; further behind, it is read again. */
    static final long MAX_PATCHED = 5_000;
    private static final String KIND = "DUES_PAYMENT";
    private static final int NONE = Integer.MIN_VALUE;

    /**
     * What a copy read: for each member the latest month paid and the one before it (as months since year 0,
     * {@link #NONE} when there is none), packed in one {@code long}.
     */
    public static final class Copy {

        private final Map<String, Long> lastTwo;

        private Copy(Map<String, Long> lastTwo) {
            this.lastTwo = lastTwo;
        }

        /** The last month the member paid before {@code current} ({@code null}: none). */
        public YearMonth lastPaidBefore(String memberId, YearMonth current) {
            Long held = lastTwo.get(memberId);
            if (held == null) {
                return null;
            }
            int before = index(current);
            int latest = (int) (held >> 32);
            int previous = (int) (long) held;
            int last = latest < before ? latest : previous < before ? previous : NONE;
            return last == NONE ? null : YearMonth.of(Math.floorDiv(last, 12), Math.floorMod(last, 12) + 1);
        }

        /** How many members paid any month. */
        public int members() {
            return lastTwo.size();
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final ChangeLog changes;
    private final CurrentCopy<Copy> copy;

    PaidMonths(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.changes = new ChangeLog(mongo, "dues_changes", "dues_change_log", "payments", KEPT);
        this.copy = new CurrentCopy<>(changes, MAX_PATCHED, CurrentCopy.Reader.of(
                () -> payments(new Query()).map(Copy::new), this::patchPayments));
    }

    /** Read before the service reports ready, so that the first arrears list does not wait for it. */
    @Override
    public void run(ApplicationArguments args) {
        current().block();
    }

    /** Moves the counter past these payments (stored already), one step each. */
    public Mono<Void> counted(List<String> paymentIds) {
        return changes.changed(paymentIds.stream().map(id -> ChangeLog.Step.of(KIND, id, 1)).toList());
    }

    /** This instance's copy, brought up to the counter first: it holds every payment counted before this call. */
    public Mono<Copy> current() {
        return copy.current();
    }

    /** The copy with the payments the steps name added (a payment is never changed or removed). */
    private Mono<Copy> patchPayments(Copy held, List<ChangeLog.Step> steps) {
        Set<String> ids = new LinkedHashSet<>();
        steps.forEach(step -> ids.add(step.ref()));
        return payments(Query.query(Criteria.where("_id").in(ids))).map(read -> {
            Map<String, Long> lastTwo = new HashMap<>(held.lastTwo);
            read.forEach((member, months) -> {
                add(lastTwo, member, (int) (months >> 32));
                add(lastTwo, member, (int) (long) months);
            });
            return new Copy(lastTwo);
        });
    }

    /** The latest two months paid per member among the payments the query selects. */
    private Mono<Map<String, Long>> payments(Query query) {
        query.fields().include("memberId", "month");
        return mongo.find(query, Document.class, DuesPayment.COLLECTION)
                .publishOn(Schedulers.parallel())
                .collect(HashMap::new, (Map<String, Long> lastTwo, Document d) ->
                        add(lastTwo, d.getString("memberId"), index(YearMonth.parse(d.getString("month")))));
    }

    private static void add(Map<String, Long> lastTwo, String member, int month) {
        if (month == NONE) {
            return;
        }
        lastTwo.merge(member, pack(month, NONE), (held, one) -> {
            int latest = (int) (held >> 32);
            int previous = (int) (long) held;
            if (month == latest || month == previous) {
                return held;
            }
            if (month > latest) {
                return pack(month, latest);
            }
            return month > previous ? pack(latest, month) : held;
        });
    }

    private static long pack(int latest, int previous) {
        return ((long) latest << 32) | (previous & 0xFFFFFFFFL);
    }

    private static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }
}
