package io.flightdeck.assets.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.domain.AssetUseView;
import io.flightdeck.assets.domain.CampaignSpaceFilter;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Where assets live, in words, for the asset pages: the campaigns and spaces a filter or the reuse form offers, and the
 * names of the campaigns and spaces a list shows, each kind looked up in one query.
 */
@Component
class AssetPlaces {

    /** Campaigns an asset can still go into: every status but archived and cancelled. */
    private static final List<CampaignStatus> OPEN = List.of(CampaignStatus.DRAFT, CampaignStatus.PLANNING,
            CampaignStatus.READY, CampaignStatus.ACTIVE, CampaignStatus.PAUSED, CampaignStatus.COMPLETED);
    private static final int MAX_CHOICES = 500;

    private final CampaignDirectory campaigns;
    private final CampaignSpaces spaces;

    AssetPlaces(CampaignDirectory campaigns, CampaignSpaces spaces) {
        this.campaigns = campaigns;
        this.spaces = spaces;
    }

    /** A campaign or a space as a choice in a select: its id and its name in words. */
    record Choice(UUID id, String label) {
    }

    /** The workspace's open campaigns by name. */
    List<Choice> campaignChoices() {
        List<Choice> choices = new ArrayList<>();
        campaigns.inStatuses(OPEN, MAX_CHOICES * OPEN.size()).forEach(c -> choices.add(new Choice(c.id(), c.name())));
        choices.sort(Comparator.comparing(c -> c.label().toLowerCase(Locale.ROOT)));
        return choices;
    }

    /** The live spaces, each named with its campaign: "Summer sale – Meta (Summer sale)". */
    List<Choice> spaceChoices() {
        List<CampaignSpaceView> live = spaces.list(new CampaignSpaceFilter(null, null, false, null, null, null, null, null, null),
                PageRequest.of(0, MAX_CHOICES, Sort.by("name", "id"))).getContent();
        Map<UUID, CampaignSnapshot> owners = campaigns.findAll(live.stream().map(CampaignSpaceView::campaignId).distinct().toList());
        return live.stream().map(s -> new Choice(s.id(), owners.containsKey(s.campaignId())
                ? s.name() + " (" + owners.get(s.campaignId()).name() + ")" : s.name())).toList();
    }

    Map<UUID, String> campaignNames(Collection<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        campaigns.findAll(ids.stream().filter(java.util.Objects::nonNull).distinct().toList())
                .forEach((id, c) -> names.put(id, c.name()));
        return names;
    }

    Map<UUID, CampaignSpaceView> spaces(Collection<UUID> ids) {
        return spaces.findAll(ids.stream().filter(java.util.Objects::nonNull).distinct().toList());
    }

    /** One line of "where used": the campaign and space by name (null when gone), and the use itself. */
    record Use(AssetUseView use, String campaignName, CampaignSpaceView space) {
    }

    /** The uses with their campaigns and spaces named: one query for the campaigns, one for the spaces. */
    List<Use> named(List<AssetUseView> uses) {
        Set<UUID> campaignIds = new HashSet<>();
        Set<UUID> spaceIds = new HashSet<>();
        uses.forEach(u -> {
            campaignIds.add(u.campaignId());
            if (u.spaceId() != null) {
                spaceIds.add(u.spaceId());
            }
        });
        Map<UUID, String> campaignNames = campaignNames(campaignIds);
        Map<UUID, CampaignSpaceView> named = spaces(spaceIds);
        return uses.stream().map(u -> new Use(u, campaignNames.get(u.campaignId()),
                u.spaceId() == null ? null : named.get(u.spaceId()))).toList();
    }
}
