package io.flightdeck.publishing.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The calendar's campaigns: the workspace's campaigns for the filter (one query whatever the number of posts), and
 * the names of the posts' campaigns, of which only those not among the choices (a deleted campaign's) cost one more
 * query.
 */
@Component
class CalendarCampaigns {

    /** A campaign in the filter's select. */
    record Choice(UUID id, String name) {
    }

    private static final int MAX_CHOICES = 3000;

    private final CampaignDirectory campaigns;

    CalendarCampaigns(CampaignDirectory campaigns) {
        this.campaigns = campaigns;
    }

    /** Every live campaign of the workspace but cancelled ones, by name. */
    List<Choice> choices() {
        List<Choice> choices = new ArrayList<>();
        campaigns.inStatuses(EnumSet.complementOf(EnumSet.of(CampaignStatus.CANCELLED)), MAX_CHOICES)
                .forEach(c -> choices.add(new Choice(c.id(), c.name())));
        choices.sort(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER));
        return choices;
    }

    /**
     * The campaign a filter names, added to the choices when they lack it (a cancelled one); another workspace's or an
     * unknown id is not found (404), as everywhere.
     */
    List<Choice> requireChosen(UUID campaignId, List<Choice> choices) {
        if (campaignId == null || choices.stream().anyMatch(c -> c.id().equals(campaignId))) {
            return choices;
        }
        Choice chosen = campaigns.find(campaignId).map(c -> new Choice(c.id(), c.name()))
                .orElseThrow(() -> new NotFoundException("The campaign"));
        List<Choice> all = new ArrayList<>(choices);
        all.add(chosen);
        return all;
    }

    /** The names of the given campaigns by id; one absent from the answer is gone. */
    Map<UUID, String> names(Collection<UUID> ids, List<Choice> choices) {
        Map<UUID, String> names = new HashMap<>();
        choices.forEach(c -> names.put(c.id(), c.name()));
        List<UUID> missing = ids.stream().filter(id -> id != null && !names.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            campaigns.findAll(missing).forEach((id, c) -> names.put(id, c.name()));
        }
        return names;
    }
}
