package org.partybuilding.member.members;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.FieldChange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * The audit records ({@code history}) written to and read from BSON by hand, in exactly the layout the mapping
 * converter gives them ({@code _id}, {@code at}, {@code actor {subject, username, roles, client}}, {@code action},
 * {@code resource}, {@code resourceId}, {@code changes [{field, before, after}]}, {@code reason}; {@code null}s left
 * out), so that records stored before read the same. Why: every new member carries its first record, about twenty
 * field changes, and the mapping converter's reflective walk over them (type information, property accessors and
 * conversion look-ups for each of some seventy values) was the largest part of encoding a member for a roster import
 * (JFR, member-service/README.md "Import cost"). Nothing in the record is left out or changed.
 * <p>
 * The bean replaces Spring Boot's {@code MongoCustomConversions} (which registers no converter and keeps the
 * defaults, as {@code create} does here).
 */
@Configuration(proxyBeanMethods = false)
class AuditRecordConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(adapter -> adapter.registerConverters(List.of(new Writer(), new Reader())));
    }

    @WritingConverter
    static final class Writer implements Converter<AuditRecord, Document> {

        @Override
        public Document convert(AuditRecord r) {
            Document d = new Document();
            putIfSet(d, "_id", r.id());
            putIfSet(d, "at", r.at() == null ? null : Date.from(r.at()));
            if (r.actor() != null) {
                Actor a = r.actor();
                Document actor = new Document();
                putIfSet(actor, "subject", a.subject());
                putIfSet(actor, "username", a.username());
                actor.put("roles", new ArrayList<>(a.roles()));
                putIfSet(actor, "client", a.client());
                d.put("actor", actor);
            }
            putIfSet(d, "action", r.action());
            putIfSet(d, "resource", r.resource());
            putIfSet(d, "resourceId", r.resourceId());
            List<Document> changes = new ArrayList<>(r.changes().size());
            for (FieldChange c : r.changes()) {
                Document change = new Document();
                putIfSet(change, "field", c.field());
                putIfSet(change, "before", c.before());
                putIfSet(change, "after", c.after());
                changes.add(change);
            }
            d.put("changes", changes);
            putIfSet(d, "reason", r.reason());
            return d;
        }

        private static void putIfSet(Document d, String key, Object value) {
            if (value != null) {
                d.put(key, value);
            }
        }
    }

    @ReadingConverter
    static final class Reader implements Converter<Document, AuditRecord> {

        @Override
        public AuditRecord convert(Document d) {
            Document a = d.get("actor", Document.class);
            Actor actor = a == null ? null : new Actor(a.getString("subject"), a.getString("username"),
                    a.getList("roles", String.class), a.getString("client"));
            List<FieldChange> changes = new ArrayList<>();
            List<Document> stored = d.getList("changes", Document.class);
            if (stored != null) {
                for (Document c : stored) {
                    changes.add(new FieldChange(c.getString("field"), c.getString("before"), c.getString("after")));
                }
            }
            Object at = d.get("at");
            Instant instant = at instanceof Date date ? date.toInstant() : at instanceof Instant i ? i : null;
            Object id = d.containsKey("_id") ? d.get("_id") : d.get("id");
            return new AuditRecord(id == null ? null : id.toString(), instant, actor, d.getString("action"), d.getString("resource"),
                    d.getString("resourceId"), changes, d.getString("reason"));
        }
    }
}
