package io.flightdeck.email.sending;

import java.io.UnsupportedEncodingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.settings.SenderSettings;
import io.flightdeck.email.templates.EmailFooter;
import io.flightdeck.email.templates.EmailRendering;
import io.flightdeck.email.templates.PreparedEmail;
import io.flightdeck.email.templates.RenderedEmail;
import io.flightdeck.email.tracking.TrackingLinks;
import io.flightdeck.shared.mail.OutgoingMail;
import jakarta.mail.internet.InternetAddress;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes one send's messages: the content prepared once, then per recipient only the merge fields, the footer's
 * personal links and the header fields. Each message carries RFC 8058's one-click unsubscribe ({@code List-Unsubscribe}
 * with an HTTPS link to a short opaque token, and {@code List-Unsubscribe-Post}), which DKIM signs; its key is the
 * ledger row's id, so every attempt has the same Message-ID. Each web link becomes the recipient's own signed redirect,
 * and an open pixel closes the body ({@link TrackedHtml}).
 */
final class MessageComposer {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final UUID workspaceId;
    private final UUID emailCampaignId;
    private final PreparedEmail content;
    private final List<String> targets;
    private final SenderSettings sender;
    private final TrackingLinks links;
    private final String baseUrl;
    private final JsonMapper json;
    private final String from;
    private final String replyTo;

    MessageComposer(UUID workspaceId, UUID emailCampaignId, PreparedEmail content, List<String> targets,
            SenderSettings sender, TrackingLinks links, String baseUrl, JsonMapper json) {
        this.workspaceId = workspaceId;
        this.emailCampaignId = emailCampaignId;
        this.content = content;
        this.targets = targets;
        this.sender = sender;
        this.links = links;
        this.baseUrl = baseUrl;
        this.json = json;
        this.from = address(sender.fromAddress(), sender.fromName());
        this.replyTo = sender.replyTo() == null || sender.replyTo().isBlank() ? null : address(sender.replyTo(), null);
    }

    OutgoingMail compose(SendLedger.Due row) {
        Map<String, String> attributes = row.attributesJson() == null ? Map.of()
                : json.readValue(row.attributesJson(), ATTRIBUTES);
        String token = links.unsubscribeToken(emailCampaignId, row.contactId());
        String unsubscribe = baseUrl + TrackingLinks.UNSUBSCRIBE_PATH + token;
        String preferences = baseUrl + "/email/preferences/" + token;
        Map<String, String> values = EmailRendering.valuesOf(row.address(), row.name(), attributes);
        for (int i = 0; i < targets.size(); i++) {
            values.put("click_" + i, links.clickUrl(baseUrl, emailCampaignId, row.contactId(), i, targets.get(i)));
        }
        RenderedEmail rendered = content.render(values, new EmailFooter(sender.postalAddress(), unsubscribe,
                preferences, ""));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", from);
        if (replyTo != null) {
            headers.put("Reply-To", replyTo);
        }
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String html = TrackedHtml.withPixel(rendered.html(), links.openUrl(baseUrl, emailCampaignId, row.contactId()));
        return new OutgoingMail(workspaceId, row.id().toString(), row.address(), rendered.subject(), rendered.text(),
                html, headers);
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
