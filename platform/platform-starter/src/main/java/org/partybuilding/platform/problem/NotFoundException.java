package org.partybuilding.platform.problem;

import org.springframework.http.HttpStatus;

/** 404: no such resource (also used where revealing existence outside the caller's scope would leak). */
public class NotFoundException extends ApiException {

    public NotFoundException(String resource, String id) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", resource + " " + id + " does not exist");
    }
}
