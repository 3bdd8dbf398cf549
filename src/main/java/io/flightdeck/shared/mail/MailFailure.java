package io.flightdeck.shared.mail;

/**
 * A mail that did not go out. Permanent when trying again cannot help (the server refused the address or the message:
 * an SMTP 5xx answer); otherwise worth another attempt later (no connection, a 4xx answer, a timeout). The message is
 * in plain words for the person who reads the delivery log.
 */
public class MailFailure extends RuntimeException {

    private final boolean permanent;

    public MailFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
