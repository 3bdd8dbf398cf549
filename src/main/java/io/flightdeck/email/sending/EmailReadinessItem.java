package io.flightdeck.email.sending;

import org.jspecify.annotations.Nullable;

/**
 * One item of an email's readiness checklist: what must hold, where it stands, in words, and where to fix it.
 *
 * @param key                a stable name: campaign, approval, postal-address, audience, test-send, links, consent,
 *                           suppression, spf, dkim, dmarc, one-click-unsubscribe
 * @param detail             what was found, a sentence
 * @param fixPath            the page that fixes it (a path in the app), or null
 * @param waitsWhenScheduled a blocker a scheduled send waits for rather than one that stops scheduling (the campaign
 *                           not launched yet, its approval pending)
 */
record EmailReadinessItem(String key, String label, EmailReadinessState state, String detail,
        @Nullable String fixPath, boolean waitsWhenScheduled) {

    static EmailReadinessItem done(String key, String label, String detail, String fixPath) {
        return new EmailReadinessItem(key, label, EmailReadinessState.DONE, detail, fixPath, false);
    }

    static EmailReadinessItem blocked(String key, String label, String detail, String fixPath) {
        return new EmailReadinessItem(key, label, EmailReadinessState.BLOCKED, detail, fixPath, false);
    }

    /** Never blocks: what the sender should know, and how to change it. */
    static EmailReadinessItem note(String key, String label, String detail, String fixPath) {
        return new EmailReadinessItem(key, label, EmailReadinessState.NOTE, detail, fixPath, false);
    }

    EmailReadinessItem waitable() {
        return new EmailReadinessItem(key, label, state, detail, fixPath, true);
    }

    public boolean blocked() {
        return state == EmailReadinessState.BLOCKED;
    }
}
