package org.partybuilding.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditQuery;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.AuditTrail;
import org.partybuilding.platform.outbox.VersionedWrites;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.sample.SampleApplication.Widget;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.web.PageQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The audit trail is one with the write: the insert stores the aggregate with its first record, a change appends its
 * record in the same version-guarded write, and a write the guard refuses leaves neither the change nor a record.
 */
@PlatformTest
class AuditTrailTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    VersionedWrites writes;

    @Autowired
    Clock clock;

    private static final Actor CLERK = new Actor("6f1c2a3e-1111-4222-8333-944455556666", "wang.clerk", List.of("street-admin"), "portal");
    private static final Actor ADMIN = new Actor("sub-admin", "chen.admin", List.of("district-admin"), "platform-cli");

    private final List<String> created = new java.util.ArrayList<>();

    /** The other tests of the sample count the widgets: this test's go again. */
    @AfterEach
    void removeWidgets() {
        mongo.remove(Query.query(Criteria.where("_id").in(created)), "widgets").block();
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "widgets").block();
    }

    @Test
    void aChangeAndItsRecordAreOneWriteAndAStaleChangeWritesNeither() {
        AuditTrail audit = new AuditTrail(mongo, clock, List.of("widgets"));
        String id = UUID.randomUUID().toString();
        created.add(id);
        Widget created = new Widget(id, 1, "志愿者协会", "JIANSHE", List.of());
        audit.insert(created, audit.created(CLERK, "CREATED", "Widget", id, created)).block();
        assertThat(stored(id).getList("history", Document.class)).hasSize(1);

        Widget renamed = new Widget(id, 2, "青年志愿者协会", "JIANSHE", List.of());
        AuditRecord renaming = audit.changed(ADMIN, "RENAMED", "Widget", id, created, renamed, "更名");
        // refused by the version guard: neither the change nor its record is written
        assertThatThrownBy(() -> writes.update(id, 7, renamed, List.of(), renaming).block()).isInstanceOf(ConflictException.class);
        assertThat(stored(id).getString("name")).isEqualTo("志愿者协会");
        assertThat(stored(id).getList("history", Document.class)).hasSize(1);

        writes.update(id, 1, renamed, List.of(), renaming).block();
        assertThat(stored(id).getString("name")).isEqualTo("青年志愿者协会");
        assertThat(stored(id).getList("history", Document.class)).hasSize(2);

        var history = audit.history("widgets", id, PageQuery.of(0, 20)).block();
        assertThat(history.total()).isEqualTo(2);
        AuditRecord newest = history.items().get(0);
        assertThat(newest.action()).isEqualTo("RENAMED");
        assertThat(newest.actor()).isEqualTo(ADMIN);
        assertThat(newest.reason()).isEqualTo("更名");
        assertThat(newest.changes()).extracting(c -> c.field() + ":" + c.before() + "→" + c.after())
                .containsExactly("name:志愿者协会→青年志愿者协会");
        assertThat(history.items().get(1).changes()).extracting(c -> c.field()).containsExactly("name", "street");

        assertThat(audit.search(new AuditQuery("chen.admin", "Widget", id, null, null, null), PageQuery.of(0, 20)).block().total())
                .isEqualTo(1);
        assertThat(audit.search(new AuditQuery("6f1c2a3e-1111-4222-8333-944455556666", null, id, null, null, null), PageQuery.of(0, 20)).block().total())
                .isEqualTo(1);
        assertThat(audit.search(new AuditQuery(null, null, id, "RENAMED", Instant.now(clock).plusSeconds(60), null),
                PageQuery.of(0, 20)).block().total()).isZero();
    }
}
