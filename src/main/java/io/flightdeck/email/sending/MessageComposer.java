package io.flightdeck.email.sending;

import java.io.UnsupportedEncodingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.flightdeck.email.settings.SenderSettings;
import io.flightdeck.email.templates.EmailFooter;
import io.flightdeck.email.templates.EmailRendering;
import io.flightdeck.email.templates.RenderedEmail;
import io.flightdeck.email.templates.TrackedEmail;
import io.flightdeck.email.tracking.TrackingLinks;
import io.flightdeck.shared.mail.OutgoingMail;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes one send's messages: the content prepared once, then per recipient only the merge fields, the footer's
 * personal links and the header fields. Each message carries {@code List-Unsubscribe} with a link to a short opaque
 * token, and RFC 8058's one-click {@code List-Unsubscribe-Post} when that link is https ({@link OneClickUnsubscribe}),
 * which DKIM signs; its key is the ledger row's id, so every attempt has the same Message-ID. Each web link becomes the
 * recipient's own signed redirect, and an open pixel closes the body ({@link TrackedEmail}, {@link TrackedPixel}).
 * A link that cannot be tracked goes out untracked and is logged once per link, never failing the message.
 */
final class MessageComposer {

    private static final Logger log = LoggerFactory.getLogger(MessageComposer.class);

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final UUID workspaceId;
    private final UUID emailCampaignId;
    private final TrackedEmail content;
    private final SenderSettings sender;
    private final TrackingLinks links;
    private final String baseUrl;
    private final JsonMapper json;
    private final String from;
    private final String replyTo;
    /** The links already logged as going out untracked: one line per link, not one per recipient. */
    private final Set<Integer> loggedUntracked = ConcurrentHashMap.newKeySet();

    MessageComposer(UUID workspaceId, UUID emailCampaignId, TrackedEmail content, SenderSettings sender,
            TrackingLinks links, String baseUrl, JsonMapper json) {
        this.workspaceId = workspaceId;
        this.emailCampaignId = emailCampaignId;
        this.content = content;
        this.sender = sender;
        this.links = links;
        this.baseUrl = baseUrl;
        this.json = json;
        this.from = address(sender.fromAddress(), sender.fromName());
        this.replyTo = sender.replyTo() == null || sender.replyTo().isBlank() ? null : address(sender.replyTo(), null);
        for (TrackedEmail.Untracked link : content.untracked()) {
            log.warn("Email {}: a link goes out untracked to everyone: {}", emailCampaignId, link.loggable());
        }
    }

    OutgoingMail compose(SendLedger.Due row) {
        Map<String, String> attributes = row.attributesJson() == null ? Map.of()
                : json.readValue(row.attributesJson(), ATTRIBUTES);
        String token = links.unsubscribeToken(emailCampaignId, row.contactId());
        String unsubscribe = baseUrl + TrackingLinks.UNSUBSCRIBE_PATH + token;
        String preferences = baseUrl + "/email/preferences/" + token;
        Map<String, String> values = EmailRendering.valuesOf(row.address(), row.name(), attributes);
        RenderedEmail rendered = content.render(values, new EmailFooter(sender.postalAddress(), unsubscribe,
                preferences, ""), (index, target) -> links.clickUrl(baseUrl, emailCampaignId, row.contactId(), index,
                        target.address()), this::untracked);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", from);
        if (replyTo != null) {
            headers.put("Reply-To", replyTo);
        }
        headers.putAll(OneClickUnsubscribe.headers(unsubscribe));
        String html = TrackedPixel.withPixel(rendered.html(), links.openUrl(baseUrl, emailCampaignId, row.contactId()));
        return new OutgoingMail(workspaceId, row.id().toString(), row.address(), rendered.subject(), rendered.text(),
                html, headers);
    }

    /** The recipient's address and values stay out of the log: a filled link may hold them. */
    private void untracked(TrackedEmail.Untracked link) {
        if (loggedUntracked.add(link.index())) {
            log.warn("Email {}: link {} goes out untracked to recipients whose filled address cannot be signed: {}",
                    emailCampaignId, link.index(), link.loggable());
        }
    }

    /** An address with its display name, encoded for a header (RFC 2047 where the name is not plain ASCII). */
    private static String address(String address, String name) {
        try {
            return new InternetAddress(address, name == null || name.isBlank() ? null : name, "UTF-8").toString();
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
