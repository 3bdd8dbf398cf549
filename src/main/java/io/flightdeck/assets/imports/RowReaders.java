package io.flightdeck.assets.imports;

import java.util.UUID;

import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.AssetPlacement;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.assets.domain.PerformanceDays;
import org.springframework.stereotype.Component;

/** The reader of a file's rows for one kind of import into one space, with the space's assets to match rows to. */
@Component
class RowReaders {

    private final AssetLibrary library;
    private final AssetLookup lookup;
    private final CampaignSpaces spaces;
    private final PerformanceDays days;
    private final PerformanceFacts facts;

    RowReaders(AssetLibrary library, AssetLookup lookup, CampaignSpaces spaces, PerformanceDays days,
            PerformanceFacts facts) {
        this.library = library;
        this.lookup = lookup;
        this.spaces = spaces;
        this.days = days;
        this.facts = facts;
    }

    /** What a file holds when the client does not say: performance when it has a day and a number, else details. */
    static ImportKind kindOf(ImportLayout layout) {
        return layout.has(ImportField.DAY) && ImportField.METRICS.stream().anyMatch(layout::has)
                ? ImportKind.PERFORMANCE : ImportKind.METADATA;
    }

    /** Checks that the header has what the kind needs ({@link ImportFileException} otherwise). */
    static void requireColumns(ImportKind kind, ImportLayout layout) {
        if (kind == ImportKind.PERFORMANCE) {
            PerformanceRows.requireColumns(layout);
        } else {
            MetadataRows.requireColumns(layout);
        }
    }

    /** The rows' reader; it writes into the space under {@code importId} (a preview never writes). */
    ImportRows<?> open(UUID spaceId, ImportKind kind, ImportFile file, UUID importId) {
        requireColumns(kind, file.layout());
        CampaignSpaceView space = spaces.get(spaceId);
        if (kind == ImportKind.PERFORMANCE) {
            String source = file.layout().format().name();
            return new PerformanceRows(file.layout(), file.dialect(), days.targets(spaceId),
                    space.budget() == null ? null : space.budget().currency(),
                    batch -> {
                        days.write(spaceId, importId, source, batch);
                        facts.record(space, source, batch); // the numbers reach analytics with the rows
                    });
        }
        return new MetadataRows(file.layout(), library, lookup, new AssetPlacement(space.campaignId(), spaceId),
                days.targets(spaceId));
    }

    boolean isArchived(UUID spaceId) {
        return spaces.get(spaceId).archived();
    }
}
