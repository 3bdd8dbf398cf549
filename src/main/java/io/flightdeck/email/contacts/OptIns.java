package io.flightdeck.email.contacts;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.links.LinkKeys;
import io.flightdeck.shared.links.SignedTokens;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.tenancy.WorkspaceTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Double opt-in: a contact added by a form or through the API, while the workspace asks for it, waits (PENDING) until
 * they confirm the link mailed to them.
 * <p>
 * The link's token is a {@link SignedTokens} token of purpose {@value #PURPOSE} whose payload is the workspace (so the
 * public page opens its scope, as reviewer links do), the contact and the moment the link was issued. Only its SHA-256
 * is stored ({@code opt_in_token}), and only the stored one is honoured: that is how a link is revoked. The mail job
 * signs the same token again from what is committed, so a retried send carries the same link and the same Message-ID,
 * and nothing secret waits in the job's data. Asking to send it again issues a new link (the old one stops working).
 * Links of the format before the kit (the workspace, a dot, an HMAC) are found by their stored hash as before.
 */
@Service
public class OptIns {

    /** A pending contact's page as the confirmation link shows it. */
    public record Pending(UUID contactId, String email) {
    }

    /** Marks a contact made to wait before its token is known (its token depends on its id). */
    static final String AWAITING = "awaiting";
    static final String PURPOSE = "flightdeck:email-opt-in-link";
    private static final int PAYLOAD_BYTES = 16 + 16 + 8;

    private final ContactRepository contacts;
    private final ConsentSettingsService settings;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SignedTokens tokens;

    OptIns(ContactRepository contacts, ConsentSettingsService settings, Jobs jobs, TransactionTemplate transactions,
            Clock clock, LinkKeys keys) {
        this.contacts = contacts;
        this.settings = settings;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
        this.tokens = keys.tokens(PURPOSE);
    }

    /** Whether a contact added now with this consent must confirm first: double opt-in on, and a form or the API. */
    boolean required(ConsentSource source) {
        return (source == ConsentSource.FORM || source == ConsentSource.API) && settings.current().doubleOptIn();
    }

    /**
     * Issues the contact's link and queues its mail, in the caller's transaction: the token and the time it was sent
     * are committed with the job, before any mail leaves.
     */
    void issue(Contact contact, Instant now) {
        contact.reissueOptIn(Hashing.sha256Hex(token(TenantScope.require(), contact.getId(), now)), now);
        jobs.schedule(OptInMail.KIND, TenantScope.require(), contact.getId(), now);
    }

    /** Someone asked to send the confirmation again (a member, for a PENDING contact): a new link, one more mail. */
    public ContactView resend(UUID contactId) {
        return transactions.execute(tx -> {
            Contact contact = contacts.findById(contactId).orElseThrow(() -> new NotFoundException("Contact"));
            issue(contact, clock.instant());
            contacts.flush();
            return contact.view();
        });
    }

    /** The pending contact a link names; empty for a forged, used or replaced link. Writes nothing (mail scanners GET). */
    public Optional<Pending> open(String token) {
        return inScope(token, () -> contacts.findByOptInToken(Hashing.sha256Hex(token))
                .filter(c -> c.status() == ContactStatus.PENDING).map(c -> new Pending(c.getId(), c.email())));
    }

    /**
     * The person confirmed: subscribed, consent by double opt-in from now, with {@code address} (the request's) kept
     * only when the workspace keeps it. Not found for a forged, used or replaced link.
     */
    public Pending confirm(String token, String address) {
        return inScope(token, () -> contacts.findByOptInToken(Hashing.sha256Hex(token))
                .filter(c -> c.status() == ContactStatus.PENDING).map(c -> {
                    boolean keep = settings.current().keepConsentAddress();
                    c.confirmOptIn(clock.instant(), keep ? address(address) : null);
                    contacts.flush();
                    return new Pending(c.getId(), c.email());
                })).orElseThrow(() -> new NotFoundException("The confirmation link"));
    }

    private <T> Optional<T> inScope(String token, Supplier<Optional<T>> work) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        // a link mailed before the kit: its workspace in the clear before the dot, its HMAC checked by the stored hash
        Optional<UUID> workspaceOf = token.indexOf('.') >= 0 ? WorkspaceTokens.workspaceOf(token)
                : tokens.open(token).filter(payload -> payload.remaining() == PAYLOAD_BYTES)
                        .map(payload -> new UUID(payload.getLong(), payload.getLong()));
        return workspaceOf.flatMap(workspace -> TenantScope.call(workspace,
                () -> transactions.execute(tx -> work.get())));
    }

    /** The link's token for this contact as issued at {@code sentAt}. */
    String token(UUID workspaceId, UUID contactId, Instant sentAt) {
        return tokens.sign(ByteBuffer.allocate(PAYLOAD_BYTES).putLong(workspaceId.getMostSignificantBits())
                .putLong(workspaceId.getLeastSignificantBits()).putLong(contactId.getMostSignificantBits())
                .putLong(contactId.getLeastSignificantBits()).putLong(sentAt.toEpochMilli()).array());
    }

    /** The column holds 64 characters: an IPv6 address with a zone fits; anything longer is not an address. */
    private static String address(String address) {
        return address == null || address.length() > 64 ? null : address;
    }
}
