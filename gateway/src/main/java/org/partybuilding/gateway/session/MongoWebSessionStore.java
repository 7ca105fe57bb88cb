package org.partybuilding.gateway.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.types.Binary;
import org.partybuilding.platform.privacy.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;

import org.partybuilding.platform.tracing.TracedLogging;
import reactor.core.publisher.Mono;

/**
 * The portal's web sessions in the gateway's MongoDB database (collection {@value #COLLECTION}), so that any gateway
 * instance serves any session and a rolling update logs nobody out. Replaces WebFlux's in-memory store behind the same
 * {@code DefaultWebSessionManager} (cookie {@code SESSION}, id changed at login).
 *
 * <p>At rest a session is one document: {@code _id} is the SHA-256 of the session id (the database never holds a
 * cookie that would log someone in), {@code sealed} its attributes (the security context, the OAuth2 tokens, a login
 * in progress) serialized and sealed with AES-256-GCM ({@link Sealer}) under
 * {@code platform.gateway.session.key}, plus the times that decide its expiry (a TTL index on {@code expiresAt}
 * removes it in MongoDB; a read checks it too). GCM is authenticated, so only bytes this key sealed are ever
 * deserialized.
 *
 * <p>Cost: a portal request reads its session once; it writes it only when its attributes changed (login, a refreshed
 * token) or when the last write is older than {@code touch-interval}, which keeps the session alive.
 */
public final class MongoWebSessionStore implements WebSessionStore {

    static final String COLLECTION = "portalSessions";

    private static final Logger log = LoggerFactory.getLogger(MongoWebSessionStore.class);

    private final ReactiveMongoTemplate mongo;
    private final Sealer cipher;
    private final PortalSessionSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MongoWebSessionStore(ReactiveMongoTemplate mongo, PortalSessionSettings settings, Clock clock) {
        this.mongo = mongo;
        this.cipher = Sealer.fromBase64(settings.key(), "portal-sessions");
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Mono<WebSession> createWebSession() {
        return Mono.fromSupplier(() -> new PortalSession(newId(), clock.instant(), settings.maxIdle(), new ConcurrentHashMap<>(),
                null, null));
    }

    @Override
    public Mono<WebSession> retrieveSession(String id) {
        return mongo.findById(storageKey(id), Document.class, COLLECTION).<WebSession>flatMap(stored -> {
            Instant lastAccess = stored.getDate("lastAccess").toInstant();
            Duration maxIdle = Duration.ofSeconds(((Number) stored.get("maxIdleSeconds")).longValue());
            if (!lastAccess.plus(maxIdle).isAfter(clock.instant())) {
                return removeSession(id).then(Mono.<WebSession>empty());
            }
            byte[] plain;
            Map<String, Object> attributes;
            try {
                plain = cipher.open(((Binary) stored.get("sealed")).getData());
                attributes = deserialize(plain);
            } catch (RuntimeException e) {
                // another key (rotated) or a class that changed between versions: the user logs in again
                String reason = e.getMessage();
                return TracedLogging.log(() -> log.warn("A stored portal session could not be opened ({}); it is dropped", reason))
                        .then(removeSession(id)).then(Mono.<WebSession>empty());
            }
            return Mono.<WebSession>just(new PortalSession(id, stored.getDate("createdAt").toInstant(), maxIdle, attributes, lastAccess,
                    sha256(plain)));
        });
    }

    @Override
    public Mono<Void> removeSession(String id) {
        return mongo.remove(byKey(storageKey(id)), COLLECTION).then();
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession session) {
        return Mono.fromSupplier(() -> {
            ((PortalSession) session).lastAccessTime = clock.instant();
            return session;
        });
    }

    private String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the database holds instead of the session id: its SHA-256 (hex). */
    static String storageKey(String id) {
        return HexFormat.of().formatHex(sha256(id.getBytes(StandardCharsets.UTF_8)));
    }

    private static Query byKey(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] serialize(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(attributes));
        } catch (IOException e) {
            throw new IllegalStateException("A portal session attribute cannot be serialized: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialize(byte[] plain) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(plain))) {
            return new ConcurrentHashMap<>((Map<String, Object>) in.readObject());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("unreadable session: " + e.getClass().getSimpleName(), e);
        }
    }

    /** One portal session: its attributes in memory for the length of a request, written back by {@link #save()}. */
    final class PortalSession implements WebSession {

        private volatile String id;
        private final Instant creationTime;
        private volatile Duration maxIdleTime;
        private final Map<String, Object> attributes;
        volatile Instant lastAccessTime;
        private volatile boolean started;
        private volatile boolean expired;
        /** The digest of the attributes as last stored, and when: what lets a request that changed nothing skip its write. */
        private volatile byte[] storedDigest;
        private volatile Instant storedAccess;

        PortalSession(String id, Instant creationTime, Duration maxIdleTime, Map<String, Object> attributes,
                Instant storedAccess, byte[] storedDigest) {
            this.id = id;
            this.creationTime = creationTime;
            this.maxIdleTime = maxIdleTime;
            this.attributes = attributes;
            this.lastAccessTime = storedAccess != null ? storedAccess : creationTime;
            this.started = storedAccess != null;
            this.storedAccess = storedAccess;
            this.storedDigest = storedDigest;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public boolean isStarted() {
            return started || !attributes.isEmpty();
        }

        /** At login (session fixation): the same attributes under a new id; the old document goes. */
        @Override
        public Mono<Void> changeSessionId() {
            String old = id;
            id = newId();
            storedDigest = null;
            return storedAccess == null ? Mono.empty() : removeSession(old);
        }

        @Override
        public Mono<Void> invalidate() {
            expired = true;
            attributes.clear();
            return removeSession(id);
        }

        @Override
        public Mono<Void> save() {
            if (isExpired()) {
                return Mono.error(new IllegalStateException("Session is expired"));
            }
            return Mono.defer(() -> {
                byte[] plain = serialize(attributes);
                byte[] digest = sha256(plain);
                Instant access = lastAccessTime;
                if (storedDigest != null && Arrays.equals(digest, storedDigest) && storedAccess != null
                        && Duration.between(storedAccess, access).compareTo(settings.touchInterval()) < 0) {
                    return Mono.empty();
                }
                Document document = new Document("_id", storageKey(id))
                        .append("sealed", new Binary(cipher.seal(plain)))
                        .append("createdAt", Date.from(creationTime))
                        .append("lastAccess", Date.from(access))
                        .append("maxIdleSeconds", maxIdleTime.toSeconds())
                        .append("expiresAt", Date.from(access.plus(maxIdleTime)));
                return mongo.save(document, COLLECTION).doOnSuccess(saved -> {
                    storedDigest = digest;
                    storedAccess = access;
                }).then();
            });
        }

        @Override
        public boolean isExpired() {
            return expired || !maxIdleTime.isNegative() && !lastAccessTime.plus(maxIdleTime).isAfter(clock.instant());
        }

        @Override
        public Instant getCreationTime() {
            return creationTime;
        }

        @Override
        public Instant getLastAccessTime() {
            return lastAccessTime;
        }

        @Override
        public void setMaxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
        }

        @Override
        public Duration getMaxIdleTime() {
            return maxIdleTime;
        }
    }
}
