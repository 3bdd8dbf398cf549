package io.flightdeck.campaigns.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit log names a campaign, its fields, and where it is read. */
@Configuration(proxyBeanMethods = false)
class CampaignRecordKinds {

    @Bean
    RecordKind campaignKind(CampaignDirectory campaigns) {
        return RecordKind.of("Campaign", "Campaign", Map.ofEntries(
                Map.entry("budgetAmount", "Budget"), Map.entry("budgetCurrency", "Currency"),
                Map.entry("ownerId", "Owner"), Map.entry("forcedLaunchBy", "Forced launch by"),
                Map.entry("forcedLaunchReason", "Reason for forcing the launch"), Map.entry("deletedAt", "Deleted at"),
                Map.entry("startDate", "Start date"), Map.entry("endDate", "End date")),
                ids -> {
                    Map<UUID, RecordLink> links = new HashMap<>();
                    campaigns.findAll(ids).forEach((id, c) -> links.put(id, new RecordLink(c.name(), "/campaigns/" + id)));
                    return links;
                });
    }
}
