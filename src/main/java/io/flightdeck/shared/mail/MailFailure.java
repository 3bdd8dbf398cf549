package io.flightdeck.shared.mail;

/**
 * A mail that did not go out. Permanent when trying again cannot help (the server refused the address or the message:
 * an SMTP 5xx answer); otherwise worth another attempt later (no connection, a 4xx answer, a timeout). The message is
 * in plain words for the person who reads the delivery log.
 */
public class MailFailure extends RuntimeException {

    private final boolean permanent;
    private final boolean answered;

    public MailFailure(String message, boolean permanent, Throwable cause) {
        this(message, permanent, true, cause);
    }

    /**
     * @param answered whether the server answered the attempt with a refusal (an SMTP 4xx or 5xx); false when it fell
     *                 silent or the connection broke, so that after a sender's hand-over the server may have the mail
     */
    public MailFailure(String message, boolean permanent, boolean answered, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.answered = answered;
    }

    public boolean answered() {
        return answered;
    }

    public boolean permanent() {
        return permanent;
    }
}
