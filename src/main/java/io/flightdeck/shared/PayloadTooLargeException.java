package io.flightdeck.shared;

/** Content over the size a workspace accepts. Answers 413 with the limit. */
public class PayloadTooLargeException extends RuntimeException {

    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("The file is larger than this workspace accepts (at most " + limitBytes + " bytes)");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
