package io.flightdeck.assets.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AssetFilter;
import io.flightdeck.assets.domain.AssetSearchQuery;

/**
 * The library page's address: {@code view}, {@code q} (the search box), {@code type} and {@code platform} (any of,
 * repeatable), {@code tag} (all of; repeatable or comma-separated), {@code campaignId}, {@code spaceId},
 * {@code archived}, {@code sort}, and the database's own filters {@code expiring} (rights ending within
 * {@link #EXPIRING_DAYS} days) and {@code nearDuplicates} (images with a look-alike). Built tidy: blanks dropped, lists
 * without repeats, defaults left out, so that {@link #url(String)} is the one address of what the page shows.
 * <p>
 * <b>Which engine answers</b> ({@link #fromIndex()}): the search index, which ranks words and counts facets, unless an
 * order or filter only the database has is chosen. The database knows no platform, so with a platform chosen the
 * database's options stand down (the form offers them disabled, and an address asking for both gets the platform).
 */
record AssetLibraryParams(String view, String q, List<AssetType> types, List<String> tags, List<AdPlatform> platforms,
        UUID campaignId, UUID spaceId, boolean archived, AssetLibrarySort sort, boolean expiring, boolean nearDuplicates) {

    static final int EXPIRING_DAYS = 30;
    /** What the search API takes too; longer text is cut, not refused, on a page. */
    static final int MAX_TEXT = 500;

    AssetLibraryParams {
        view = AssetListParams.LIST.equals(view) ? AssetListParams.LIST : AssetListParams.GRID;
        q = q == null || q.isBlank() ? null : q.strip();
        if (q != null && q.length() > MAX_TEXT) {
            q = q.substring(0, MAX_TEXT).strip();
        }
        types = distinct(types);
        tags = distinct(splitTags(tags));
        platforms = distinct(platforms);
        if (sort == AssetLibrarySort.RELEVANCE) {
            sort = null;
        }
        if (!platforms.isEmpty()) {
            if (sort != null && sort.isDatabaseOnly()) {
                sort = null;
            }
            expiring = false;
            nearDuplicates = false;
        }
    }

    static AssetLibraryParams empty(String view) {
        return new AssetLibraryParams(view, null, null, null, null, null, null, false, null, false, false);
    }

    /** Whether an address asks for the database's options beside a platform, which then stand down (see above). */
    static boolean standsDown(Collection<AdPlatform> platforms, AssetLibrarySort sort, boolean expiring,
            boolean nearDuplicates) {
        return platforms != null && platforms.stream().anyMatch(Objects::nonNull)
                && (sort != null && sort.isDatabaseOnly() || expiring || nearDuplicates);
    }

    // ---- what the page shows ----------------------------------------------------------------------------------------

    /** The order the list has: the chosen one, or best match with words and newest without. */
    public AssetLibrarySort order() {
        if (sort != null) {
            return sort;
        }
        return q != null ? AssetLibrarySort.RELEVANCE : AssetLibrarySort.NEWEST;
    }

    /** The search index answers (with facet counts), unless an order or filter only the database has is chosen. */
    public boolean fromIndex() {
        return !order().isDatabaseOnly() && !expiring && !nearDuplicates;
    }

    /** Whether anything narrows the list (the view and the order do not). */
    public boolean filtered() {
        return q != null || !types.isEmpty() || !tags.isEmpty() || !platforms.isEmpty() || campaignId != null
                || spaceId != null || archived || expiring || nearDuplicates;
    }

    public boolean isList() {
        return AssetListParams.LIST.equals(view);
    }

    /** The type select's value: empty, one type, or several comma-separated (which the select adds as a choice). */
    public String typeValue() {
        return types.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The tag field's text. */
    public String tagText() {
        return tags.isEmpty() ? null : String.join(", ", tags);
    }

    public boolean platformChosen() {
        return !platforms.isEmpty();
    }

    // ---- the two engines' questions -----------------------------------------------------------------------------

    /** The index's question; the search box also finds file names containing its text, as it always did. */
    AssetSearchQuery searchQuery() {
        AssetSearchQuery.Order by = order() == AssetLibrarySort.NEWEST ? AssetSearchQuery.Order.NEWEST
                : AssetSearchQuery.Order.RELEVANCE;
        return new AssetSearchQuery(q, Set.copyOf(types), Set.copyOf(tags), Set.copyOf(platforms), spaceId, campaignId,
                null, archived, by, true);
    }

    /** The database's order for this list: its own, or newest first when the order is the index's. */
    AssetOrder databaseOrder() {
        return order().isDatabaseOnly() ? order().order() : AssetOrder.NEWEST;
    }

    /**
     * The database's question. It has no word search, so the search box matches file names only (the page says so);
     * a platform never reaches here (see above).
     */
    AssetFilter databaseFilter(LocalDate today, int similarityThreshold) {
        AssetFilter filter = new AssetFilter(archived, Set.copyOf(types), new LinkedHashSet<>(tags), q, campaignId,
                spaceId, expiring ? today.plusDays(EXPIRING_DAYS) : null);
        return nearDuplicates ? filter.withNearDuplicates(similarityThreshold) : filter;
    }

    // ---- the same address with one thing changed (facets and chips link to these) --------------------------------

    AssetLibraryParams toggleType(AssetType type) {
        return withTypes(toggle(types, type));
    }

    AssetLibraryParams withTypes(List<AssetType> newTypes) {
        return new AssetLibraryParams(view, q, newTypes, tags, platforms, campaignId, spaceId, archived, sort, expiring,
                nearDuplicates);
    }

    AssetLibraryParams toggleTag(String tag) {
        return new AssetLibraryParams(view, q, types, toggle(tags, tag), platforms, campaignId, spaceId, archived, sort,
                expiring, nearDuplicates);
    }

    AssetLibraryParams togglePlatform(AdPlatform platform) {
        return withPlatforms(toggle(platforms, platform));
    }

    AssetLibraryParams withPlatforms(List<AdPlatform> newPlatforms) {
        return new AssetLibraryParams(view, q, types, tags, newPlatforms, campaignId, spaceId, archived, sort, expiring,
                nearDuplicates);
    }

    /** One space at a time: choosing the chosen one clears it. */
    AssetLibraryParams toggleSpace(UUID space) {
        return new AssetLibraryParams(view, q, types, tags, platforms, campaignId, space.equals(spaceId) ? null : space,
                archived, sort, expiring, nearDuplicates);
    }

    AssetLibraryParams withoutCampaign() {
        return new AssetLibraryParams(view, q, types, tags, platforms, null, spaceId, archived, sort, expiring,
                nearDuplicates);
    }

    AssetLibraryParams withoutArchived() {
        return new AssetLibraryParams(view, q, types, tags, platforms, campaignId, spaceId, false, sort, expiring,
                nearDuplicates);
    }

    AssetLibraryParams withoutExpiring() {
        return new AssetLibraryParams(view, q, types, tags, platforms, campaignId, spaceId, archived, sort, false,
                nearDuplicates);
    }

    AssetLibraryParams withoutNearDuplicates() {
        return new AssetLibraryParams(view, q, types, tags, platforms, campaignId, spaceId, archived, sort, expiring,
                false);
    }

    /** Only the words (and the view): "search the whole library for these words". */
    AssetLibraryParams wordsOnly() {
        return new AssetLibraryParams(view, q, null, null, null, null, null, false, sort, false, false);
    }

    // ---- the address ----------------------------------------------------------------------------------------------

    String url(String path) {
        return url(path, view);
    }

    /** The path with these parameters and the given view; defaults (the grid, the default order) are left out. */
    String url(String path, String withView) {
        StringJoiner query = new StringJoiner("&");
        if (AssetListParams.LIST.equals(withView)) {
            query.add("view=" + AssetListParams.LIST);
        }
        add(query, "q", q);
        types.forEach(t -> add(query, "type", t));
        tags.forEach(t -> add(query, "tag", t));
        platforms.forEach(p -> add(query, "platform", p));
        add(query, "campaignId", campaignId);
        add(query, "spaceId", spaceId);
        add(query, "archived", archived ? "true" : null);
        add(query, "sort", sort == null ? null : sort.getParam());
        add(query, "expiring", expiring ? "true" : null);
        add(query, "nearDuplicates", nearDuplicates ? "true" : null);
        return query.length() == 0 ? path : path + "?" + query;
    }

    /** Form encoding, as browsers send the filter form: a space is +, a + is %2B. */
    private static void add(StringJoiner query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
    }

    private static <T> List<T> distinct(Collection<T> values) {
        if (values == null) {
            return List.of();
        }
        return List.copyOf(values.stream().filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Tags come repeated ({@code tag=a&tag=b}, the links) or comma-separated in one field (the form): both are read. */
    private static List<String> splitTags(Collection<String> values) {
        List<String> tags = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    for (String tag : value.split(",")) {
                        if (!tag.isBlank()) {
                            tags.add(tag.strip());
                        }
                    }
                }
            }
        }
        return tags;
    }

    private static <T> List<T> toggle(List<T> values, T value) {
        List<T> changed = new ArrayList<>(values);
        if (!changed.remove(value)) {
            changed.add(value);
        }
        return changed;
    }
}
