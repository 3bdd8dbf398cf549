package io.flightdeck.shared.outbound;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * One outgoing-message ledger as an admin reads it: a module that writes a row before each message leaves (a
 * notification, a webhook message, an email, a test send, a scheduled report's mail) implements this as a bean, and
 * the operations page shows every ledger the same way: its backlog by state, the items that need a person (retrying,
 * in doubt, dead) with the reason in words, and a retry where the ledger has one. Everything answers for the current
 * workspace only; the caller checks that the person is an admin.
 */
public interface OutgoingLedger {

    /**
     * What a ledger is.
     *
     * @param key     its name in URLs, stable: {@code notifications}, {@code email-sends}, ...
     * @param name    its name for people: "Notifications by email and Slack"
     * @param page    the page where its items are managed in full
     * @param retries whether a person can send a dead item again here (some ledgers are settled on their own page)
     */
    record About(String key, String name, String page, boolean retries) {
    }

    About about();

    /** How many items stand in each state (a state left out counts none), in one query. */
    Map<LedgerState, Long> backlog();

    /**
     * How many of its emails a mail server refused for good (a rejection, a bounce, out of attempts) since then, for
     * the alert on refused mail; 0 for a ledger that sends no email.
     */
    long mailRefusedSince(Instant since);

    /** The items retrying, in doubt or dead, newest first. */
    Page<LedgerItem> troubled(Pageable pageable);

    /**
     * Another round of attempts for one item, from now.
     *
     * @throws io.flightdeck.shared.NotFoundException when the item is not this workspace's
     * @throws io.flightdeck.shared.IllegalTransition when its state does not allow a retry
     * @throws ConflictException {@code no-retry-here} when {@link About#retries} is false ({@link #noRetry})
     */
    LedgerItem retry(UUID id);

    /** The page asked for, newest first by {@code createdAt} (then id, so a page boundary never repeats an item). */
    static Pageable newestFirst(Pageable page) {
        return PageRequest.of(page.getPageNumber(), page.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
    }

    /** The answer of a ledger whose items are settled on their own page: what to do instead. */
    static ConflictException noRetry(String ledger, String instead) {
        return new ConflictException("no-retry-here", ledger + " are not sent again from here. " + instead);
    }
}
