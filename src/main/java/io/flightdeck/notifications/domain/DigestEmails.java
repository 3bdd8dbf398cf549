package io.flightdeck.notifications.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.mail.MailTemplates;
import io.flightdeck.shared.mail.OutgoingMail;
import org.springframework.stereotype.Component;

/**
 * A digest as an email: what it gathered, grouped by campaign (campaigns in the order their first item came, then
 * what belongs to none), each item linking to what it is about, read when opened.
 */
@Component
class DigestEmails {

    private final NotificationDeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final CampaignDirectory campaigns;
    private final MailTemplates templates;
    private final AbsoluteLinks urls;

    DigestEmails(NotificationDeliveryRepository deliveries, NotificationRepository notifications,
            CampaignDirectory campaigns, MailTemplates templates, AbsoluteLinks urls) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.campaigns = campaigns;
        this.templates = templates;
        this.urls = urls;
    }

    /** One campaign's part of the digest; public for the template. */
    public record Group(String campaign, List<Item> items) {
    }

    public record Item(String title, String link) {
    }

    OutgoingMail compose(UUID workspaceId, Notification digest, NotificationDelivery delivery, String to) {
        List<UUID> ids = deliveries.findByDigestIdOrderByCreatedAtAsc(digest.getId()).stream()
                .map(NotificationDelivery::notificationId).toList();
        Map<UUID, Notification> byId = new HashMap<>();
        notifications.findAllById(ids).forEach(n -> byId.put(n.getId(), n));
        List<Notification> items = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        Map<UUID, CampaignSnapshot> named = campaigns.findAll(items.stream().map(Notification::campaignId)
                .filter(Objects::nonNull).distinct().toList());
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (Notification n : items) {
            CampaignSnapshot campaign = n.campaignId() == null ? null : named.get(n.campaignId());
            groups.computeIfAbsent(campaign == null ? "" : campaign.name(), k -> new ArrayList<>())
                    .add(new Item(n.title(), urls.of("/notifications/" + n.getId() + "/open")));
        }
        List<Group> ordered = new ArrayList<>();
        groups.forEach((name, list) -> {
            if (!name.isEmpty()) {
                ordered.add(new Group(name, list));
            }
        });
        if (groups.containsKey("")) {
            ordered.add(new Group("Not about a campaign", groups.get("")));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", digest.title());
        variables.put("groups", ordered);
        variables.put("link", urls.of("/notifications"));
        variables.put("why", digest.reason());
        variables.put("preferencesLink", urls.of("/notifications/preferences"));
        MailTemplates.Rendered body = templates.render("digest", variables);
        return new OutgoingMail(workspaceId, delivery.idempotencyKey(), to, digest.title(), body.text(), body.html());
    }
}
