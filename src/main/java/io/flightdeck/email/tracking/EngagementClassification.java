package io.flightdeck.email.tracking;

/** Whether a person or a machine caused an open or click, the rule that said so, and why in plain words. */
public record EngagementClassification(Actor actor, Rule rule, String reason) {

    public enum Actor {
        HUMAN,
        MACHINE
    }

    /** The rules of {@link EngagementClassifier}, in the order they are tried; the first that applies decides. */
    public enum Rule {
        /** The user agent names a security scanner, a link checker or an HTTP library. */
        SECURITY_SCANNER,
        /** An open fetched by Apple's Mail Privacy Protection proxy. */
        APPLE_MAIL_PRIVACY_PROTECTION,
        /** An open or click within seconds of delivery, before anyone could have read the message. */
        PREFETCH_AT_DELIVERY,
        /** Several different links of the message clicked within a second. */
        CLICK_BURST,
        /** None of the above: counted as a person. */
        NO_MACHINE_SIGN
    }

    public boolean human() {
        return actor == Actor.HUMAN;
    }
}
