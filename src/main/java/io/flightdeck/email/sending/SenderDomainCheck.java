package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.flightdeck.shared.mail.MailSettings;
import org.springframework.stereotype.Component;

/**
 * The sending domain's SPF, DKIM and DMARC records, looked up through the {@link DnsResolver} port: without them the
 * big mailbox providers file campaign mail as spam or refuse it. Only where mail really leaves: with the outbox
 * transport (the offline default) nothing reaches an inbox and the items say that no records are needed.
 */
@Component
class SenderDomainCheck {

    private static final String FIX = "/email/settings";

    private final DnsResolver dns;
    private final MailSettings mail;
    private final ReadinessProperties properties;
    private final Clock clock;
    private final Map<String, Answer> cache = new ConcurrentHashMap<>();

    SenderDomainCheck(DnsResolver dns, MailSettings mail, ReadinessProperties properties, Clock clock) {
        this.dns = dns;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    private record Answer(List<String> records, String failure, Instant until) {
    }

    /** Whether the records are checked at all, by {@code flightdeck.email.readiness.sender-dns}. */
    boolean applies() {
        return switch (properties.senderDns()) {
            case "on" -> true;
            case "off" -> false;
            default -> !"outbox".equalsIgnoreCase(mail.transport());
        };
    }

    List<EmailReadinessItem> items(String fromAddress) {
        if (!applies()) {
            String why = "off".equals(properties.senderDns())
                    ? "Not checked: flightdeck.email.readiness.sender-dns is off."
                    : "Not needed: mail goes to the outbox (flightdeck.mail.transport=outbox) and never reaches an inbox.";
            return List.of(notNeeded("spf", "SPF record", why), notNeeded("dkim", "DKIM record", why),
                    notNeeded("dmarc", "DMARC record", why));
        }
        String domain = domainOf(fromAddress);
        List<EmailReadinessItem> items = new ArrayList<>();
        items.add(record("spf", "SPF record", domain, domain, "v=spf1"));
        items.add(dkim(domain));
        items.add(record("dmarc", "DMARC record", domain, "_dmarc." + domain, "v=DMARC1"));
        return items;
    }

    /**
     * Where Flightdeck signs mail from this domain, its own selector; otherwise the selector a relay signs with
     * ({@code flightdeck.email.readiness.dkim-selector}); without either, nobody can say where the key is.
     */
    private EmailReadinessItem dkim(String domain) {
        MailSettings.Dkim signing = mail.dkim();
        String signingDomain = signing == null || signing.domain() == null ? ""
                : signing.domain().strip().toLowerCase(Locale.ROOT);
        boolean signsThis = !signingDomain.isEmpty() && signing.selector() != null && !signing.selector().isBlank()
                && (domain.equals(signingDomain) || domain.endsWith("." + signingDomain));
        if (signsThis) {
            return record("dkim", "DKIM record", domain, signing.selector().strip() + "._domainkey." + signingDomain,
                    "v=DKIM1");
        }
        if (!properties.dkimSelector().isEmpty()) {
            return record("dkim", "DKIM record", domain, properties.dkimSelector() + "._domainkey." + domain,
                    "v=DKIM1");
        }
        return EmailReadinessItem.blocked("dkim", "DKIM record", "Mail from " + domain + " is not signed with DKIM "
                + "here: configure signing (flightdeck.mail.dkim.*) for " + domain + ", or name the selector your mail "
                + "relay signs with (flightdeck.email.readiness.dkim-selector).", FIX);
    }

    private EmailReadinessItem record(String key, String label, String domain, String name, String prefix) {
        Answer answer = lookUp(name);
        if (answer.failure() != null) {
            return EmailReadinessItem.blocked(key, label, "The " + label + " of " + domain + " could not be looked up ("
                    + answer.failure() + "). Try again in a minute.", FIX);
        }
        String lowerPrefix = prefix.toLowerCase(Locale.ROOT);
        boolean found = answer.records().stream().anyMatch(r -> r.strip().toLowerCase(Locale.ROOT)
                .startsWith(lowerPrefix) || "v=DKIM1".equals(prefix) && r.contains("p="));
        if (found) {
            return EmailReadinessItem.done(key, label, "Found at " + name + ".", null);
        }
        return EmailReadinessItem.blocked(key, label, "No " + label + " found for " + domain + ": publish a TXT record "
                + "starting " + prefix + " at " + name + ".", FIX);
    }

    private Answer lookUp(String name) {
        Instant now = clock.instant();
        Answer kept = cache.get(name);
        // an answer kept longer than the cache's time from now was kept by a clock since set back: ask again
        if (kept != null && kept.until().isAfter(now) && !kept.until().isAfter(now.plus(properties.dnsCache()))) {
            return kept;
        }
        Answer fresh;
        try {
            fresh = new Answer(List.copyOf(dns.txtRecords(name)), null, now.plus(properties.dnsCache()));
        } catch (RuntimeException e) {
            // a failure is kept briefly only, so a resolver that comes back is asked again soon
            java.time.Duration brief = properties.dnsCache().compareTo(java.time.Duration.ofSeconds(10)) < 0
                    ? properties.dnsCache() : java.time.Duration.ofSeconds(10);
            fresh = new Answer(List.of(), e.getMessage() == null ? "no answer" : e.getMessage(), now.plus(brief));
        }
        cache.put(name, fresh);
        return fresh;
    }

    static String domainOf(String address) {
        String a = address == null ? "" : address.strip();
        int at = a.lastIndexOf('@');
        String domain = at < 0 ? a : a.substring(at + 1);
        if (domain.endsWith(">")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return domain.toLowerCase(Locale.ROOT);
    }

    private static EmailReadinessItem notNeeded(String key, String label, String why) {
        return new EmailReadinessItem(key, label, EmailReadinessState.NOT_NEEDED, why, null, false);
    }
}
