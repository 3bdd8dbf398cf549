package io.flightdeck.email.sending;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.email.tracking.EngagementClassification;
import io.flightdeck.email.tracking.AppleProxyList;
import io.flightdeck.email.tracking.EngagementEvent;
import io.flightdeck.email.tracking.TrackingLinks;
import io.flightdeck.shared.Ids;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Opens and clicks from the links in sent email, without a session: the signed token names the email and the
 * contact (a forged or altered one is nothing), and each is classified as a person or a machine (a scanner, Apple's
 * privacy proxy, a prefetch at delivery, a burst) before it is kept, so the numbers can show the two apart and rates
 * use the human ones. Segments read the same rows ("clicked in the last 30 days").
 */
@Service
public class Engagements {

    private final TrackingLinks links;
    private final AppleProxyList appleProxies;
    private final JdbcClient jdbc;
    private final Clock clock;

    Engagements(TrackingLinks links, AppleProxyList appleProxies, JdbcClient jdbc, Clock clock) {
        this.links = links;
        this.appleProxies = appleProxies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The address a click goes on to, after keeping the click; nothing for a token that is not ours. */
    public Optional<String> click(String token, String userAgent, String ipAddress) {
        TrackingLinks.LinkClick click;
        try {
            click = links.click(token);
        } catch (RuntimeException forged) {
            return Optional.empty();
        }
        String target = click.target().toString();
        record(click.sendId(), click.contactId(), EngagementEvent.click(clock.instant(), linkKey(target),
                agent(userAgent), address(ipAddress)), target);
        return Optional.of(click.target().toString());
    }

    /** Keeps an open; false for a token that is not ours. */
    public boolean open(String token, String userAgent, String ipAddress) {
        TrackingLinks.OpenPixel open;
        try {
            open = links.open(token);
        } catch (RuntimeException forged) {
            return false;
        }
        record(open.sendId(), open.contactId(), EngagementEvent.open(clock.instant(), agent(userAgent),
                address(ipAddress)), null);
        return true;
    }

    private void record(UUID emailId, UUID contactId, EngagementEvent event, String url) {
        Optional<Row> found = TenantScope.system("email tracking", () -> jdbc.sql("select r.tenant_id, r.id,"
                + " coalesce(r.sent_at, r.handed_over_at) from email_recipients r where r.email_campaign_id = ?"
                + " and r.contact_id = ?").params(emailId, contactId)
                .query((r, i) -> new Row(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                        r.getTimestamp(3) == null ? null : r.getTimestamp(3).toInstant())).optional());
        if (found.isEmpty()) {
            return; // the contact was erased, or the email deleted: the redirect still works, nothing is kept
        }
        Row row = found.get();
        TenantScope.run(row.tenantId(), () -> {
            List<EngagementEvent> before = jdbc.sql("select kind, occurred_at, url from email_engagements where"
                    + " tenant_id = ? and recipient_id = ? and kind in ('OPEN', 'CLICK') order by occurred_at desc limit 50")
                    .params(row.tenantId(), row.recipientId())
                    .query((r, i) -> r.getString(1).equals("CLICK")
                            ? EngagementEvent.click(r.getTimestamp(2).toInstant(), linkKey(r.getString(3)), "", "")
                            : EngagementEvent.open(r.getTimestamp(2).toInstant(), "", ""))
                    .list();
            Instant delivered = row.sentAt() == null ? event.at() : row.sentAt();
            EngagementClassification kind = appleProxies.classifier().classify(event, delivered, before);
            jdbc.sql("insert into email_engagements (id, tenant_id, contact_id, send_id, recipient_id, kind, human, url,"
                    + " occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(Ids.newId(), row.tenantId(), contactId, emailId, row.recipientId(), event.kind().name(),
                            kind.human(), url, Timestamp.from(event.at())).update();
        });
    }

    private record Row(UUID tenantId, UUID recipientId, Instant sentAt) {
    }

    /** The same number for the same address: the burst rule counts distinct links. */
    private static int linkKey(String url) {
        return url == null ? 0 : Math.floorMod(url.hashCode(), 0xFFFF);
    }

    private static String agent(String userAgent) {
        String a = userAgent == null ? "" : userAgent.strip();
        return a.length() > 500 ? a.substring(0, 500) : a;
    }

    private static String address(String ip) {
        return ip == null ? "" : ip.strip();
    }
}
