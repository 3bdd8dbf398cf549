package io.flightdeck.email.providers;

/**
 * What a provider said about one message of a call that it answered: taken for delivery (with its id for the message,
 * when it gave one), or refused. A refusal is permanent when the same message would be refused again (a malformed
 * address, a sender not verified) and for now when the provider's own failure caused it. A failure of the whole call
 * is not a result but an {@link EmailProviderException}.
 *
 * @param providerMessageId Mailjet's {@code MessageID} or SendGrid's {@code X-Message-Id}; null for a refusal, and
 *        for a message checked in Mailjet's sandbox (which assigns none)
 * @param reason the provider's own words for a refusal (its codes and messages, trimmed); null when accepted
 */
public record SendResult(String ledgerKey, Outcome outcome, String providerMessageId, String reason) {

    public enum Outcome {
        ACCEPTED,
        /** the same message would be refused again: give up on it and say why */
        REFUSED_PERMANENTLY,
        /** the provider failed on its side for this message: sending it again later may work */
        REFUSED_FOR_NOW
    }

    /** Longest reason kept, so that a provider cannot flood a stored failure reason. */
    static final int MAX_REASON = 300;

    static SendResult accepted(String ledgerKey, String providerMessageId) {
        return new SendResult(ledgerKey, Outcome.ACCEPTED, providerMessageId, null);
    }

    static SendResult refused(String ledgerKey, boolean permanent, String reason) {
        String words = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        return new SendResult(ledgerKey, permanent ? Outcome.REFUSED_PERMANENTLY : Outcome.REFUSED_FOR_NOW, null,
                words.length() > MAX_REASON ? words.substring(0, MAX_REASON).strip() + "…" : words);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
