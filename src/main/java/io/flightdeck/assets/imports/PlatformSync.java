package io.flightdeck.assets.imports;

import java.time.Clock;
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
import io.flightdeck.assets.platforms.PlatformReport;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job's half of a platform sync ({@link PlatformSyncs} starts it): reads the space's ad platform through the
 * import's connection for the import's days and writes them where a performance CSV of the same platform lands, under
 * the same source ({@code GOOGLE_ADS}, {@code META_ADS}), so a sync replaces the days a CSV export of the platform gave
 * rather than adding to them, a second sync of the same days changes nothing, analytics gets the same facts and totals
 * entered by hand are reported as replaced. An ad the space does not hold yet becomes an ad-copy asset of the space
 * named after it, matched by its platform ad id from then on. The reading commits nothing and the writing is one
 * transaction with the import's end, so a run that dies part way leaves nothing half written: the job starts over.
 */
@Service
class PlatformSync {

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
     * Runs the import's sync, in its workspace: it ends succeeded, or failed with the reason (what the platform said,
     * a currency other than the space's, a connection deleted since). An import already ended is left alone, so a job
     * delivered twice does nothing the second time. A fault while writing goes up to the job, which tries again.
     */
    void run(UUID importId) {
        AssetImport run = transactions.execute(tx -> imports.findById(importId).orElse(null));
        if (run == null || run.isFinished()) {
            return;
        }
        CampaignSpaceView space = spaces.get(run.getSpaceId());
        if (space.archived()) {
            fail(importId, "The campaign space was archived before the sync ran; restore it and sync it again.");
            return;
        }
        if (run.getConnectionId() == null) {
            fail(importId, "The ad-platform connection was deleted before the sync ran; connect the platform again.");
            return;
        }
        PlatformReport report;
        try {
            AdPlatformCredentials credentials = connections.credentials(space.platform(), run.getConnectionId());
            report = space.platform() == AdPlatform.GOOGLE_ADS
                    ? googleAds.report(credentials, space.externalCampaignId(), run.getRangeFrom(), run.getRangeTo())
                    : meta.report(credentials, space.externalCampaignId(), run.getRangeFrom(), run.getRangeTo());
        } catch (PlatformCallFailed e) {
            fail(importId, e.getMessage());
            return;
        } catch (NotFoundException e) {
            fail(importId, "The ad-platform connection was deleted before the sync ran; connect the platform again.");
            return;
        }
        String currency = space.budget() == null ? null : space.budget().currency();
        if (currency != null && !currency.equalsIgnoreCase(report.currency())) {
            // amounts in another currency would be added to the space's as if they were its own
            fail(importId, "The ad account reports in " + report.currency() + " but the campaign space's budget is in "
                    + currency + "; nothing was imported. Set the space's budget in " + report.currency()
                    + " or sync it through an account that reports in " + currency + ".");
            return;
        }
        // the member who started it acts (audit, the ads' assets); the recurring sync's imports have no one, so the
        // member who made the connection it reads through does, as an asset needs someone who added it
        UUID member = run.getCreatedBy() != null ? run.getCreatedBy()
                : connections.get(run.getConnectionId()).createdBy();
        Actor actor = new Actor(member, TenantScope.require(), Role.CONTRIBUTOR, null,
                run.getCreatedBy() != null ? "Ad-platform sync" : "Recurring ad-platform sync", ZoneOffset.UTC, null);
        CurrentActor.runAs(actor, () -> {
            transactions.executeWithoutResult(tx -> write(space, importId, run.getFormat().name(), report.days()));
            return null;
        });
    }

    /** Ends the import failed with the reason, unless it has ended already. */
    void fail(UUID importId, String why) {
        AssetImport run = transactions.execute(tx -> imports.findById(importId).orElse(null));
        if (run != null && !run.isFinished()) {
            ledger.fail(importId, new ImportTally(), why, null);
        }
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
        days.forgetImport(space.id(), importId); // a run of this import that got as far as here before
        List<PerformanceDay> rows = new ArrayList<>(fetched.size());
        for (PlatformAdDay d : fetched) {
            rows.add(new PerformanceDay(useByAd.get(d.adId()), d.day(), d.impressions(), d.clicks(), d.conversions(),
                    d.spend(), d.revenue()));
        }
        days.write(space.id(), importId, source, rows);
        facts.record(space, source, rows);
        AssetImport run = imports.findById(importId).orElseThrow();
        if (run.isFinished()) {
            throw new IllegalStateException("Import " + importId + " ended while its sync ran");
        }
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
