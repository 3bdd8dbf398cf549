package io.flightdeck.email.sending;

import java.time.Instant;
import java.util.List;

import io.flightdeck.email.delivery.DeliveryProvider;

/**
 * One way a send's mail leaves Flightdeck: the mail transport over SMTP (or the outbox), Mailjet or SendGrid, the way
 * publishing has its {@code ChannelAdapter} and rendering its {@code RenderProvider}. The send's runner asks it to
 * settle what is in doubt, then hands it the batch's rows a call at a time on the sending threads, and records what
 * it answers; every channel commits a message's hand-over before the message can arrive, so a crash sends nobody
 * twice.
 */
interface DeliveryChannel {

    DeliveryProvider provider();

    /** How many rows one call takes: 1 where each message is a call of its own. */
    default int callSize() {
        return 1;
    }

    /**
     * Whether a call's outcomes are recorded as soon as it is answered rather than with the batch's: after a crash
     * only the calls on their way are left in doubt (not a whole batch of a thousand).
     */
    default boolean recordsEachCall() {
        return false;
    }

    /**
     * Sends one call's rows (all still in the audience): each handed over, then sent, with the outcome of each row
     * that was made or sent; a row no longer queued at its hand-over is left out and never leaves.
     */
    List<Outcome> send(SendRunner.Batch batch, List<SendLedger.Due> call) throws InterruptedException;

    /**
     * Settles the rows a crash or a lost answer left handed over and unconfirmed, where this channel can tell (the
     * outbox has the message's file, Mailjet lists it); answers when to look again, or null when nothing is left to
     * wait for. A channel that can never tell leaves them for a person.
     */
    default Instant settleInDoubt(SendRunner.Batch batch) {
        return null;
    }
}
