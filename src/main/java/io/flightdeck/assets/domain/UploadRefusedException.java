package io.flightdeck.assets.domain;

/** A resumable upload request that the protocol refuses; the web layer answers each reason with its own status. */
public class UploadRefusedException extends RuntimeException {

    public enum Reason {
        /** Another request is appending to this upload right now (or its connection has not been noticed dead yet). */
        LOCKED,
        /** Nobody touched the upload for longer than the expiry; its bytes are about to be removed. */
        EXPIRED,
        /** The bytes do not hash to what the client said: an append's {@code Upload-Checksum}, or the file's sha256. */
        CHECKSUM_MISMATCH,
        /** The request carries more bytes than the upload's declared length leaves room for. */
        LENGTH_EXCEEDED
    }

    private final Reason reason;

    public UploadRefusedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
