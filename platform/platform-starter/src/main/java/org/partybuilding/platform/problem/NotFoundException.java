package org.partybuilding.platform.problem;

import java.util.function.Predicate;

import org.springframework.http.HttpStatus;

import reactor.core.publisher.Mono;

/** 404: no such resource (also used where revealing existence outside the caller's scope would leak). */
public class NotFoundException extends ApiException {

    private final boolean hidesOutOfScope;

    public NotFoundException(String resource, String id) {
        this(resource, id, false);
    }

    private NotFoundException(String resource, String id, boolean hidesOutOfScope) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", resource + " " + id + " does not exist");
        this.hidesOutOfScope = hidesOutOfScope;
    }

    /**
     * The same 404 for a record that exists outside the caller's data scope: the answer does not tell it apart, but the
     * platform logs and counts it as a security event (a probe for other streets' records is visible).
     */
    public static NotFoundException hidden(String resource, String id) {
        return new NotFoundException(resource, id, true);
    }

    /**
     * The record {@code found} if the caller may read it; 404 if there is none, and the same 404 {@link #hidden} if
     * there is one outside the caller's scope.
     */
    public static <T> Mono<T> unlessOutOfScope(Mono<T> found, Predicate<? super T> mayRead, String resource, String id) {
        return found.switchIfEmpty(Mono.error(() -> new NotFoundException(resource, id)))
                .handle((record, sink) -> {
                    if (mayRead.test(record)) {
                        sink.next(record);
                    } else {
                        sink.error(hidden(resource, id));
                    }
                });
    }

    public boolean hidesOutOfScope() {
        return hidesOutOfScope;
    }
}
