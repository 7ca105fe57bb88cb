package org.partybuilding.platform.problem;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells failures apart by their cause chain, by class name where the class may be absent (the gateway has no MongoDB
 * driver): a client that went away, and a database that did not answer in time.
 */
final class Failures {

    private static final Set<String> DATABASE_UNAVAILABLE = Set.of(
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoExecutionTimeoutException",
            "com.mongodb.MongoSocketOpenException",
            "com.mongodb.MongoSocketReadException",
            "com.mongodb.MongoSocketReadTimeoutException",
            "com.mongodb.MongoSocketWriteException",
            "com.mongodb.MongoSocketClosedException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.QueryTimeoutException",
            "org.springframework.dao.TransientDataAccessResourceException");

    private Failures() {
    }

    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                if (DATABASE_UNAVAILABLE.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Reset by peer, broken pipe, a closed channel or Reactor Netty's "aborted": the client hung up. */
    static boolean clientGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("reactor.netty.channel.AbortedException") || t instanceof ClosedChannelException
                    || name.equals("org.springframework.web.server.ServerWebInputException") && t.getCause() != null
                            && clientGone(t.getCause())) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("connection reset") || message.contains("broken pipe")
                        || message.contains("connection prematurely closed")) {
                    return true;
                }
            }
        }
        return false;
    }
}
