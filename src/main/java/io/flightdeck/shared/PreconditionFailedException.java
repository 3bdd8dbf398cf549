package io.flightdeck.shared;

/** An If-Match that names a version other than the current one. Answers 412. */
public class PreconditionFailedException extends RuntimeException {

    private final long currentVersion;

    public PreconditionFailedException(long currentVersion) {
        super("The resource was changed by someone else since you read it; reload it and apply your change again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
