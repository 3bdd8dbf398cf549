package io.flightdeck.ops.outgoing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.outbound.LedgerItem;
import io.flightdeck.shared.outbound.LedgerState;
import io.flightdeck.shared.outbound.OutgoingLedger;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Every module's outgoing-message ledger, read the same way: each one's backlog by state, the items that need a
 * person, and a retry where the ledger has one. The callers check that the person is an admin; each ledger answers
 * for the current workspace only.
 */
@Service
public class OutgoingMessages {

    /** How many items of one ledger stand in each state. */
    @Schema(name = "OutgoingLedgerBacklog")
    public record Backlog(long waiting, long sending, long retrying, long inDoubt, long dead, long sent, long skipped) {

        static Backlog of(Map<LedgerState, Long> counts) {
            return new Backlog(n(counts, LedgerState.WAITING), n(counts, LedgerState.SENDING),
                    n(counts, LedgerState.RETRYING), n(counts, LedgerState.IN_DOUBT), n(counts, LedgerState.DEAD),
                    n(counts, LedgerState.SENT), n(counts, LedgerState.SKIPPED));
        }

        private static long n(Map<LedgerState, Long> counts, LedgerState state) {
            return counts.getOrDefault(state, 0L);
        }

        /** The items a person should look at: retrying, in doubt or dead. */
        public long troubled() {
            return retrying + inDoubt + dead;
        }
    }

    /**
     * One ledger: what it holds, where its items are managed in full, and whether a person can retry here.
     *
     * @param key the ledger's name in URLs: {@code notifications} (webhook messages too), {@code email-sends},
     *            {@code email-test-sends}, {@code report-mails}
     */
    @Schema(name = "OutgoingLedger")
    public record Ledger(String key, String name, String page, boolean retries, Backlog backlog) {
    }

    private final List<OutgoingLedger> ledgers;

    OutgoingMessages(List<OutgoingLedger> ledgers) {
        this.ledgers = ledgers.stream().sorted(Comparator.comparing(l -> l.about().name())).toList();
    }

    /** Every ledger with its backlog, by name; one grouped query each. */
    public List<Ledger> ledgers() {
        return ledgers.stream().map(l -> new Ledger(l.about().key(), l.about().name(), l.about().page(),
                l.about().retries(), Backlog.of(l.backlog()))).toList();
    }

    /** Emails a mail server refused for good since then, over every ledger. */
    public long mailRefusedSince(Instant since) {
        return ledgers.stream().mapToLong(ledger -> ledger.mailRefusedSince(since)).sum();
    }

    /** One ledger's items that need a person, newest first. */
    public Page<LedgerItem> troubled(String key, Pageable pageable) {
        return ledger(key).troubled(pageable);
    }

    /** Another round of attempts for one item, from now; refused where the item or the ledger does not allow it. */
    public LedgerItem retry(String key, UUID id) {
        return ledger(key).retry(id);
    }

    private OutgoingLedger ledger(String key) {
        return ledgers.stream().filter(l -> l.about().key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("The outgoing-message ledger " + key));
    }
}
