package io.flightdeck.assets.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.assets.domain.ImportSource;
import io.flightdeck.assets.domain.PerformanceDays;
import io.flightdeck.assets.platforms.AdPlatformConnections;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a campaign space's sync from its ad platform: checks the space and picks the connection and the days, then
 * records the import (running) with its job in one transaction; {@link PlatformSync} does the reading and writing.
 * One sync per space at a time: a second start while one runs is refused with 409 {@value #SYNC_RUNNING}, naming the
 * running import, rather than reading the platform twice for the same days. Callers check roles.
 */
@Service
public class PlatformSyncs {

    static final String SYNC_RUNNING = "sync-running";
    private static final List<ImportStatus> UNFINISHED = List.of(ImportStatus.QUEUED, ImportStatus.RUNNING);

    private final CampaignSpaces spaces;
    private final CampaignDirectory campaigns;
    private final AdPlatformConnections connections;
    private final PerformanceDays days;
    private final AssetImportRepository imports;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final PlatformSyncProperties properties;
    private final Clock clock;

    PlatformSyncs(CampaignSpaces spaces, CampaignDirectory campaigns, AdPlatformConnections connections,
            PerformanceDays days, AssetImportRepository imports, Jobs jobs, TransactionTemplate transactions,
            PlatformSyncProperties properties, Clock clock) {
        this.spaces = spaces;
        this.campaigns = campaigns;
        this.connections = connections;
        this.days = days;
        this.imports = imports;
        this.jobs = jobs;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A person's sync. Without dates it reads from the campaign's start (the space's creation when the campaign has
     * no start) to the campaign's end or today, whichever is earlier; either date may be given alone.
     */
    public AssetImportView start(UUID spaceId, @Nullable UUID connectionId, @Nullable LocalDate from,
            @Nullable LocalDate to) {
        UUID actor = CurrentActor.require().userId();
        CampaignSpaceView space = spaces.get(spaceId);
        ImportFormat format = format(space);
        LocalDate[] campaignDays = campaignDays(space);
        LocalDate start = from != null ? from : campaignDays[0];
        LocalDate end = to != null ? to : campaignDays[1];
        if (start.isAfter(end)) {
            throw new InvalidInputException(from != null ? "from" : "to", from == null && to == null
                    ? "the campaign starts on " + start + "; there is nothing to read before then"
                    : "the range starts after it ends");
        }
        UUID connection = connections.credentials(space.platform(), connectionId).connectionId();
        return create(space, format, connection, actor, start, end);
    }

    /**
     * The recurring sync of one space, in no one's name: from a few days before the end of its last good sync (the
     * days platforms still restate) or, never synced, from the campaign's start; empty when the space is already
     * being synced or the campaign ended before the last good sync's restated days.
     */
    Optional<AssetImportView> startScheduled(UUID spaceId) {
        CampaignSpaceView space = spaces.get(spaceId);
        ImportFormat format = format(space);
        LocalDate[] campaignDays = campaignDays(space);
        LocalDate start = imports.findFirstBySpaceIdAndSourceAndStatusOrderByRangeToDesc(spaceId,
                ImportSource.PLATFORM_API, ImportStatus.SUCCEEDED).map(AssetImport::getRangeTo)
                .map(last -> last.minusDays(properties.restateDays() - 1L))
                .filter(again -> again.isAfter(campaignDays[0])).orElse(campaignDays[0]);
        LocalDate end = campaignDays[1];
        if (start.isAfter(end)) {
            return Optional.empty();
        }
        UUID connection = connections.credentials(space.platform(), null).connectionId();
        try {
            return Optional.of(create(space, format, connection, null, start, end));
        } catch (ConflictException running) {
            return Optional.empty();
        }
    }

    private AssetImportView create(CampaignSpaceView space, ImportFormat format, UUID connectionId, UUID actor,
            LocalDate from, LocalDate to) {
        String label = (space.platform() == AdPlatform.GOOGLE_ADS ? "Google Ads" : "Meta") + " sync " + from + " to "
                + to;
        return transactions.execute(tx -> {
            days.lock(space.id()); // two starts for one space take turns, so the second sees the first
            imports.findFirstBySpaceIdAndSourceAndStatusIn(space.id(), ImportSource.PLATFORM_API, UNFINISHED)
                    .ifPresent(running -> {
                        throw new ConflictException(SYNC_RUNNING, "The campaign space is being synced already; its"
                                + " import " + running.getId() + " is still running.", Map.of("importId",
                                        running.getId().toString()));
                    });
            AssetImport created = imports.saveAndFlush(AssetImport.fromPlatform(space.id(), format, label,
                    connectionId, actor, from, to, clock.instant()));
            jobs.schedule(PlatformSyncJobs.PLATFORM_SYNC, TenantScope.require(), created.getId(), Instant.now());
            return created.view();
        });
    }

    /** The campaign's first and last day to read: its dates, else the space's creation and today. */
    private LocalDate[] campaignDays(CampaignSpaceView space) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Optional<CampaignSnapshot> campaign = campaigns.find(space.campaignId());
        LocalDate start = campaign.map(CampaignSnapshot::startDate)
                .orElse(LocalDate.ofInstant(space.createdAt(), ZoneOffset.UTC));
        LocalDate end = campaign.map(CampaignSnapshot::endDate).filter(e -> e.isBefore(today)).orElse(today);
        return new LocalDate[] {start, end};
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
}
