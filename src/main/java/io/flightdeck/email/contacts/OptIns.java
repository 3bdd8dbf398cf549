package io.flightdeck.email.contacts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.tenancy.WorkspaceTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Double opt-in: a contact added by a form or through the API, while the workspace asks for it, waits (PENDING) until
 * they confirm the link mailed to them.
 * <p>
 * The link's token names the workspace (so the public page opens its scope, as reviewer links do) and carries an HMAC,
 * under a key derived from the master key, of the contact's id and the moment the link was issued. Only its SHA-256 is
 * stored ({@code opt_in_token}); the mail job derives the same token again from what is committed, so a retried send
 * carries the same link and the same Message-ID, and nothing secret waits in the job's data. Asking to send it again
 * issues a new link (the old one stops working).
 */
@Service
public class OptIns {

    /** A pending contact's page as the confirmation link shows it. */
    public record Pending(UUID contactId, String email) {
    }

    /** Marks a contact made to wait before its token is known (its token depends on its id). */
    static final String AWAITING = "awaiting";

    private final ContactRepository contacts;
    private final ConsentSettingsService settings;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final byte[] key;

    OptIns(ContactRepository contacts, ConsentSettingsService settings, Jobs jobs, TransactionTemplate transactions,
            Clock clock, MasterKey masterKey) {
        this.contacts = contacts;
        this.settings = settings;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
        this.key = masterKey.derive("flightdeck:email-opt-in:v1");
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

    private <T> Optional<T> inScope(String token, java.util.function.Supplier<Optional<T>> work) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return WorkspaceTokens.workspaceOf(token)
                .flatMap(workspace -> TenantScope.call(workspace, () -> transactions.execute(tx -> work.get())));
    }

    /** The link's token for this contact as issued at {@code sentAt}: the workspace, a dot, the HMAC. */
    String token(UUID workspaceId, UUID contactId, Instant sentAt) {
        byte[] id = ByteBuffer.allocate(16).putLong(workspaceId.getMostSignificantBits())
                .putLong(workspaceId.getLeastSignificantBits()).array();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] proof = mac.doFinal((contactId + ":" + sentAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            return url.encodeToString(id) + "." + url.encodeToString(proof);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The column holds 64 characters: an IPv6 address with a zone fits; anything longer is not an address. */
    private static String address(String address) {
        return address == null || address.length() > 64 ? null : address;
    }
}
