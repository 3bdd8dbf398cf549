package io.flightdeck.assets.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.AssetSearch;
import io.flightdeck.assets.domain.AssetSearchResult;
import io.flightdeck.assets.domain.AssetSearchResult.FacetCount;
import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.assets.web.AssetLibraryView.Chip;
import io.flightdeck.assets.web.AssetLibraryView.FacetGroup;
import io.flightdeck.assets.web.AssetLibraryView.FacetValue;
import io.flightdeck.shared.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Answers the library page from the engine that can: the search index (ranked words, facet counts) or, for an order
 * or filter only the database has, the database list without counts ({@link AssetLibraryParams#fromIndex()}). Every
 * count shown is exactly what choosing it gives: a tag's count is the total after adding it, and a value of a facet
 * with a value already chosen is left out of the counted list when choosing it could not narrow (another type, a
 * platform the hits share, another space), offered instead as "also" without a count.
 */
@Component
class AssetLibraryBrowser {

    /** How far the index pages ({@code AssetSearch}'s window): a deeper page in the address gets the last one within. */
    static final int INDEX_WINDOW = 10_000;

    private final AssetSearch search;
    private final AssetLookup lookup;
    private final AssetSettingsService settings;
    private final AssetPlaces places;
    private final AssetDisplay display;
    private final Clock clock;

    AssetLibraryBrowser(AssetSearch search, AssetLookup lookup, AssetSettingsService settings, AssetPlaces places,
            AssetDisplay display, Clock clock) {
        this.search = search;
        this.lookup = lookup;
        this.settings = settings;
        this.places = places;
        this.display = display;
        this.clock = clock;
    }

    AssetLibraryView browse(AssetLibraryParams params, Integer page, int size) {
        return params.fromIndex() ? fromIndex(params, page, size) : fromDatabase(params, page, size);
    }

    private AssetLibraryView fromIndex(AssetLibraryParams params, Integer page, int size) {
        int number = Math.min(page == null || page < 0 ? 0 : page, INDEX_WINDOW / size - 1);
        AssetSearchResult result = search.search(params.searchQuery(), number, size, true);
        Page<AssetView> assets = new PageImpl<>(result.items(), PageRequest.of(number, size), result.total());
        AssetSearchResult.Facets counts = result.facets();
        Map<String, String> spaceNames = counts.space().stream()
                .collect(Collectors.toMap(FacetCount::value, FacetCount::label, (a, b) -> a));
        List<FacetGroup> facets = List.of(typeFacet(params, counts.type()), tagFacet(params, counts.tag(), result.total()),
                platformFacet(params, counts.platform()), spaceFacet(params, counts.space(), result.total()));
        return new AssetLibraryView(assets, facets, chips(params, spaceNames), null);
    }

    private AssetLibraryView fromDatabase(AssetLibraryParams params, Integer page, int size) {
        var filter = params.databaseFilter(LocalDate.now(clock), settings.current().similarityThreshold());
        // the database cannot rank words: a filter of its own with the default order lists newest first
        AssetOrder order = params.databaseOrder();
        Page<AssetView> assets = lookup.list(filter, Paging.of(page, size, order.sort()));
        String note = "Counts by type, tag, platform and space show with the Best match or Newest order and without the "
                + "rights and look-alike filters" + (params.q() == null ? "."
                : order == AssetOrder.NEWEST && params.sort() == null
                ? "; with these, the search finds file names only, newest first."
                : "; with these, the search finds file names only.");
        return new AssetLibraryView(assets, null, chips(params, Map.of()), note);
    }

    // ---- the facets -----------------------------------------------------------------------------------------------

    /** Types, any of. An asset has one type, so with one chosen the hits have no other: the rest are "also". */
    private FacetGroup typeFacet(AssetLibraryParams params, List<FacetCount> counts) {
        Function<AssetType, FacetValue> value = type -> new FacetValue("facet-type-" + type.name(), display.type(type),
                countOrNone(counts, type.name()), params.types().contains(type), params.toggleType(type).url("/assets"));
        if (params.types().isEmpty()) {
            return new FacetGroup("type", "Type", "any of", counts.stream().map(c -> value.apply(AssetType.valueOf(c.value()))).toList(),
                    List.of());
        }
        List<FacetCount> others = search.search(params.withTypes(null).searchQuery(), 0, 1, true).facets().type();
        return new FacetGroup("type", "Type", "any of", params.types().stream().map(value).toList(),
                others.stream().map(c -> AssetType.valueOf(c.value())).filter(t -> !params.types().contains(t))
                        .map(t -> also("facet-type-also-" + t.name(), display.type(t), params.toggleType(t))).toList());
    }

    /** Tags, all of: every count is the total after adding that tag; a chosen tag is on every hit. */
    private FacetGroup tagFacet(AssetLibraryParams params, List<FacetCount> counts, long total) {
        List<FacetValue> values = new ArrayList<>();
        for (String tag : params.tags()) {
            Long count = count(counts, tag);
            values.add(tagValue(params, tag, count == null ? total : count, true));
        }
        counts.stream().filter(c -> !params.tags().contains(c.value()))
                .forEach(c -> values.add(tagValue(params, c.value(), c.count(), false)));
        return new FacetGroup("tag", "Tag", "all of", values, List.of());
    }

    private FacetValue tagValue(AssetLibraryParams params, String tag, long count, boolean selected) {
        return new FacetValue("facet-tag-" + HexFormat.of().formatHex(tag.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                tag, count, selected, params.toggleTag(tag).url("/assets"));
    }

    /**
     * Platforms, any of. With one chosen, the other platforms among the hits would add nothing (those hits are in
     * already), so they are left out of the counts; platforms that would add hits are "also".
     */
    private FacetGroup platformFacet(AssetLibraryParams params, List<FacetCount> counts) {
        Function<AdPlatform, FacetValue> value = platform -> new FacetValue("facet-platform-" + platform.name(),
                display.platform(platform), countOrNone(counts, platform.name()), params.platforms().contains(platform),
                params.togglePlatform(platform).url("/assets"));
        if (params.platforms().isEmpty()) {
            return new FacetGroup("platform", "Platform", "any of",
                    counts.stream().map(c -> value.apply(AdPlatform.valueOf(c.value()))).toList(), List.of());
        }
        List<FacetCount> others = search.search(params.withPlatforms(null).searchQuery(), 0, 1, true).facets().platform();
        return new FacetGroup("platform", "Platform", "any of", params.platforms().stream().map(value).toList(),
                others.stream().map(c -> AdPlatform.valueOf(c.value())).filter(p -> !params.platforms().contains(p))
                        .map(p -> also("facet-platform-also-" + p.name(), display.platform(p), params.togglePlatform(p)))
                        .toList());
    }

    /**
     * Spaces, one at a time (the address holds one). With one chosen only it shows: another space's count among these
     * hits is not what switching to it would give.
     */
    private FacetGroup spaceFacet(AssetLibraryParams params, List<FacetCount> counts, long total) {
        List<FacetValue> values = new ArrayList<>();
        if (params.spaceId() != null) {
            Long count = count(counts, params.spaceId().toString());
            values.add(new FacetValue("facet-space-" + params.spaceId(), spaceName(params.spaceId(), counts),
                    count == null ? total : count, true, params.toggleSpace(params.spaceId()).url("/assets")));
        } else {
            counts.forEach(c -> values.add(new FacetValue("facet-space-" + c.value(), c.label(), c.count(), false,
                    params.toggleSpace(UUID.fromString(c.value())).url("/assets"))));
        }
        return new FacetGroup("space", "Space", "one at a time", values, List.of());
    }

    private static FacetValue also(String id, String label, AssetLibraryParams changed) {
        return new FacetValue(id, label, null, false, changed.url("/assets"));
    }

    /** For types and platforms, fewer than the index's top terms: a value not counted has no hit. */
    private static long countOrNone(List<FacetCount> counts, String value) {
        Long count = count(counts, value);
        return count == null ? 0 : count;
    }

    private static Long count(List<FacetCount> counts, String value) {
        return counts.stream().filter(c -> c.value().equals(value)).map(FacetCount::count).findFirst().orElse(null);
    }

    private String spaceName(UUID id, List<FacetCount> counts) {
        return counts.stream().filter(c -> c.value().equals(id.toString())).map(FacetCount::label).findFirst()
                .orElseGet(() -> {
                    CampaignSpaceView space = places.spaces(List.of(id)).get(id);
                    return space == null ? "A space no longer there" : space.name();
                });
    }

    // ---- the chips ------------------------------------------------------------------------------------------------

    /** Every filter in use but the words (which the search box shows), each linking to the address without it. */
    private List<Chip> chips(AssetLibraryParams params, Map<String, String> spaceNames) {
        List<Chip> chips = new ArrayList<>();
        params.types().forEach(t -> chips.add(new Chip("Type: " + display.type(t), params.toggleType(t).url("/assets"))));
        params.tags().forEach(t -> chips.add(new Chip("Tag: " + t, params.toggleTag(t).url("/assets"))));
        params.platforms().forEach(p -> chips.add(new Chip("Platform: " + display.platform(p),
                params.togglePlatform(p).url("/assets"))));
        if (params.spaceId() != null) {
            String name = spaceNames.get(params.spaceId().toString());
            chips.add(new Chip("Space: " + (name != null ? name : spaceName(params.spaceId(), List.of())),
                    params.toggleSpace(params.spaceId()).url("/assets")));
        }
        if (params.campaignId() != null) {
            String name = places.campaignNames(List.of(params.campaignId())).get(params.campaignId());
            chips.add(new Chip("Campaign: " + (name != null ? name : "a campaign no longer there"),
                    params.withoutCampaign().url("/assets")));
        }
        if (params.archived()) {
            chips.add(new Chip("Archived only", params.withoutArchived().url("/assets")));
        }
        if (params.expiring()) {
            chips.add(new Chip("Rights ending within " + AssetLibraryParams.EXPIRING_DAYS + " days",
                    params.withoutExpiring().url("/assets")));
        }
        if (params.nearDuplicates()) {
            chips.add(new Chip("Has look-alikes", params.withoutNearDuplicates().url("/assets")));
        }
        return chips;
    }
}
