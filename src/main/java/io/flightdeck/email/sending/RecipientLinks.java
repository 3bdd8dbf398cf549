package io.flightdeck.email.sending;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.email.tracking.TrackingLinks;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who a recipient's own link (unsubscribe, preference centre) is for, without a session: the signed token names the
 * email and the contact, and the email names the workspace. A forged or altered token, or one whose email was deleted,
 * names nobody.
 */
@Component
class RecipientLinks {

    /** A verified link: the workspace to open, the email it came in, and the person. */
    record Link(UUID workspaceId, UUID emailId, UUID contactId) {
    }

    private final TrackingLinks links;
    private final JdbcClient jdbc;
    private final Clock clock;

    RecipientLinks(TrackingLinks links, JdbcClient jdbc, Clock clock) {
        this.links = links;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Link> resolve(String token) {
        TrackingLinks.Unsubscribe link;
        try {
            link = links.unsubscribe(token);
        } catch (RuntimeException forged) {
            return Optional.empty();
        }
        UUID emailId = link.sendId();
        return TenantScope.system("recipient link", () -> jdbc
                .sql("select tenant_id from email_campaigns where id = ?").param(emailId).query(UUID.class).optional())
                .map(workspace -> new Link(workspace, emailId, link.contactId()));
    }

    /** The email's ledger row remembers that its recipient unsubscribed, for the email's numbers (once). */
    void recordUnsubscribe(Link link) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update email_recipients set unsubscribed_at = coalesce(unsubscribed_at, ?), updated_at = ?"
                + " where tenant_id = ? and email_campaign_id = ? and contact_id = ?")
                .params(now, now, link.workspaceId(), link.emailId(), link.contactId()).update();
    }
}
