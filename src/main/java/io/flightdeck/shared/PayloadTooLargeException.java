package io.flightdeck.shared;

/** Content over the size this server or the workspace accepts. Answers 413 with the limit. */
public class PayloadTooLargeException extends RuntimeException {

    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        this("The file is larger than this workspace accepts (at most " + limitBytes + " bytes)", limitBytes);
    }

    public PayloadTooLargeException(String message, long limitBytes) {
        super(message);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
