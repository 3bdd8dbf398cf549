package io.flightdeck.shared;

/** A resource that does not exist in the current workspace (another workspace's resource included). Answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " was not found");
    }
}
