package io.flightdeck.assets.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.AssetDetails;
import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetPlacement;
import io.flightdeck.assets.domain.AssetRights;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.assets.domain.ImportSource;
import io.flightdeck.assets.domain.ImportTarget;
import io.flightdeck.assets.domain.PerformanceDay;
import io.flightdeck.assets.domain.PerformanceDays;
import io.flightdeck.assets.platforms.AdPlatformConnections;
import io.flightdeck.assets.platforms.AdPlatformCredentials;
import io.flightdeck.assets.platforms.GoogleAdsReports;
import io.flightdeck.assets.platforms.MetaInsights;
import io.flightdeck.assets.platforms.PlatformAdDay;
import io.flightdeck.assets.platforms.PlatformCallFailed;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A campaign space's numbers from its ad platform's API, through the connection of the space's platform: recorded as
 * an import (source PLATFORM_API) and landed where a performance CSV of the same platform lands, under the same source
 * ({@code GOOGLE_ADS}, {@code META_ADS}), so a sync replaces the days a CSV export of the platform gave rather than
 * adding to them, a second sync of the same days changes nothing, analytics gets the same facts and totals entered by
 * hand are reported as replaced. An ad the space does not hold yet becomes an ad-copy asset of the space named after
 * it, matched by its platform ad id from then on. Callers check roles.
 */
@Service
public class PlatformSync {

    /** Without dates a sync reads this many days up to today. */
    static final int DEFAULT_DAYS = 30;

    private final CampaignSpaces spaces;
    private final AdPlatformConnections connections;
    private final GoogleAdsReports googleAds;
    private final MetaInsights meta;
    private final PerformanceDays days;
    private final PerformanceFacts facts;
    private final AssetLibrary library;
    private final AssetImportRepository imports;
    private final ImportLedger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlatformSync(CampaignSpaces spaces, AdPlatformConnections connections, GoogleAdsReports googleAds,
            MetaInsights meta, PerformanceDays days, PerformanceFacts facts, AssetLibrary library,
            AssetImportRepository imports, ImportLedger ledger, TransactionTemplate transactions, Clock clock) {
        this.spaces = spaces;
        this.connections = connections;
        this.googleAds = googleAds;
        this.meta = meta;
        this.days = days;
        this.facts = facts;
        this.library = library;
        this.imports = imports;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Reads the platform and writes the days, then answers the import: succeeded, or failed with what the platform
     * said (an expired token, a rate limit). Null dates: the last {@value #DEFAULT_DAYS} days.
     */
    public AssetImportView sync(UUID spaceId, UUID connectionId, LocalDate from, LocalDate to) {
        UUID actor = CurrentActor.require().userId();
        CampaignSpaceView space = spaces.get(spaceId);
        ImportFormat format = format(space);
        LocalDate end = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "the range starts after it ends");
        }
        AdPlatformCredentials credentials = connections.credentials(space.platform(), connectionId);
        String label = (space.platform() == AdPlatform.GOOGLE_ADS ? "Google Ads" : "Meta") + " sync " + start + " to "
                + end;
        UUID importId = transactions.execute(tx -> imports.saveAndFlush(AssetImport.fromPlatform(spaceId, format,
                label, credentials.connectionId(), actor, clock.instant())).getId());
        List<PlatformAdDay> fetched;
        try {
            fetched = space.platform() == AdPlatform.GOOGLE_ADS
                    ? googleAds.adDays(credentials, space.externalCampaignId(), start, end)
                    : meta.adDays(credentials, space.externalCampaignId(), start, end);
        } catch (PlatformCallFailed e) {
            ledger.fail(importId, new ImportTally(), e.getMessage(), null);
            return imports.findById(importId).orElseThrow().view();
        }
        try {
            transactions.executeWithoutResult(tx -> write(space, importId, format.name(), fetched));
        } catch (RuntimeException e) {
            // the import must not stay "running" for ever: it failed, and says so, before the fault goes on up
            ledger.fail(importId, new ImportTally(), "The platform's numbers could not be saved: " + e.getMessage(),
                    null);
            throw e;
        }
        return imports.findById(importId).orElseThrow().view();
    }

    private static ImportFormat format(CampaignSpaceView space) {
        if (space.archived()) {
            throw new InvalidInputException("spaceId", "the campaign space is archived; restore it to sync it");
        }
        if (space.externalCampaignId() == null || space.externalCampaignId().isBlank()) {
            throw new InvalidInputException("externalCampaignId",
                    "the campaign space names no platform campaign id to read");
        }
        return switch (space.platform()) {
            case GOOGLE_ADS -> ImportFormat.GOOGLE_ADS;
            case META -> ImportFormat.META_ADS;
            default -> throw new InvalidInputException("platform", "only GOOGLE_ADS and META spaces can be synced");
        };
    }

    private void write(CampaignSpaceView space, UUID importId, String source, List<PlatformAdDay> fetched) {
        Map<String, UUID> useByAd = uses(space.id());
        Map<String, String> missing = new LinkedHashMap<>();
        for (PlatformAdDay d : fetched) {
            if (!useByAd.containsKey(d.adId())) {
                missing.putIfAbsent(d.adId(), d.adName());
            }
        }
        AssetPlacement placement = new AssetPlacement(space.campaignId(), space.id());
        missing.forEach((adId, name) -> library.createCopy(new AssetDetails(name == null || name.isBlank()
                ? "Ad " + adId : name, AssetType.AD_COPY, adId, null, null, null, null, null, Set.of(), Map.of(),
                Map.of(), AssetRights.none()), placement, ImportSource.PLATFORM_API));
        if (!missing.isEmpty()) {
            useByAd = uses(space.id());
        }
        List<PerformanceDay> rows = new ArrayList<>(fetched.size());
        for (PlatformAdDay d : fetched) {
            rows.add(new PerformanceDay(useByAd.get(d.adId()), d.day(), d.impressions(), d.clicks(), d.conversions(),
                    d.spend(), d.revenue()));
        }
        days.write(space.id(), importId, source, rows);
        facts.record(space, source, rows);
        AssetImport run = imports.findById(importId).orElseThrow();
        if (!rows.isEmpty()) {
            run.replaced(days.recountTotals(space.id(), clock.instant()).orElse(null));
        }
        ImportTally tally = new ImportTally();
        tally.read = fetched.size();
        tally.imported = fetched.size();
        run.finish(tally, clock.instant());
        imports.saveAndFlush(run);
    }

    /** The space's use of each platform ad id, as a performance CSV matches its rows (the first use when several). */
    private Map<String, UUID> uses(UUID spaceId) {
        Map<String, UUID> byAd = new HashMap<>();
        for (ImportTarget t : days.targets(spaceId)) {
            if (t.externalAssetId() != null) {
                byAd.putIfAbsent(t.externalAssetId(), t.useId());
            }
        }
        return byAd;
    }
}
