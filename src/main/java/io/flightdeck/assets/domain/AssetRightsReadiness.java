package io.flightdeck.assets.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Usage rights as readiness items of the campaigns that use assets: an asset whose rights have expired blocks the
 * launch (no forced launch may publish what the workspace no longer has the right to use); rights that end before the
 * campaign does, and a licence that does not allow one of the campaign's channels, are warnings. A campaign that uses
 * no asset gets no item, so its score does not move.
 */
@Component
@Order(60)
class AssetRightsReadiness implements ReadinessCheck {

    private static final int NAMED = 3;

    private final AssetRepository assets;
    private final Clock clock;

    AssetRightsReadiness(AssetRepository assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        List<Asset> used = assets.findLiveUsedIn(campaign.id());
        if (used.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        String fix = "/assets?campaignId=" + campaign.id();
        List<ReadinessItem> items = new ArrayList<>();

        List<Asset> expired = used.stream().filter(a -> a.rights().expiredBy(today)).toList();
        items.add(new ReadinessItem("assets.rights", "Asset rights valid", expired.isEmpty(), 0, true,
                expired.isEmpty() ? "Every asset the campaign uses may still be used"
                        : "Rights expired for " + names(expired, a -> " (ended " + a.rights().expiresOn() + ")")
                                + ": replace them or renew their licence",
                fix + "&rightsExpireBy=" + today.minusDays(1)).withAction("Renew the licences or replace the assets")
                .about(subjects(expired)));

        if (campaign.endDate() != null) {
            List<Asset> ending = used.stream().filter(a -> a.rights().endBetween(today, campaign.endDate())).toList();
            ReadinessItem item = new ReadinessItem("assets.rights-end", "Asset rights last the campaign", ending.isEmpty(), 5,
                    false, ending.isEmpty() ? "No asset's rights end before the campaign does"
                            : "Rights end before the campaign's end on " + campaign.endDate() + " for "
                                    + names(ending, a -> " (" + a.rights().expiresOn() + ")"),
                    fix + "&rightsExpireBy=" + campaign.endDate()).withAction("Extend the rights or replace the assets")
                    .about(subjects(ending));
            items.add(ending.isEmpty() ? item : item.warningAtLaunch());
        }

        Set<Channel> channels = campaign.channels() == null ? Set.of() : campaign.channels();
        List<String> refused = new ArrayList<>();
        List<Asset> refusing = new ArrayList<>();
        for (Asset asset : used) {
            Set<Channel> outside = asset.rights().refused(channels);
            if (!outside.isEmpty()) {
                refusing.add(asset);
                refused.add(asset.getName() + " (not on " + outside.stream().map(Channel::label)
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        items.add(new ReadinessItem("assets.channels", "Asset licences cover the channels", refused.isEmpty(), 5, false,
                refused.isEmpty() ? "Every asset's licence allows the campaign's channels"
                        : "The licence does not allow: " + String.join("; ", refused.subList(0, Math.min(NAMED, refused.size())))
                                + (refused.size() > NAMED ? " and " + (refused.size() - NAMED) + " more" : ""),
                fix).withAction("Widen the licences or replace the assets").about(subjects(refusing)));
        return items;
    }

    private static List<ReadinessSubject> subjects(List<Asset> assets) {
        return assets.stream().map(a -> ReadinessSubject.of("asset", a.getId(), a.getName(), "/assets/" + a.getId()))
                .toList();
    }

    private static String names(List<Asset> assets, java.util.function.Function<Asset, String> detail) {
        String named = assets.stream().limit(NAMED).map(a -> a.getName() + detail.apply(a)).collect(Collectors.joining(", "));
        return assets.size() > NAMED ? named + " and " + (assets.size() - NAMED) + " more" : named;
    }
}
