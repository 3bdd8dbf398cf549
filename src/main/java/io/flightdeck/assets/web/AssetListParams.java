package io.flightdeck.assets.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AssetFilter;

/**
 * The library's filters and view as the address carries them: {@code view} (grid or list), {@code type}, {@code tag}
 * (comma-separated: all of them), {@code q} (name), {@code archived}, {@code campaignId} and {@code spaceId}. Empty
 * values are left out of the links built from it, so the address stays short whatever the form sent.
 */
record AssetListParams(String view, AssetType type, String tag, String q, boolean archived, UUID campaignId,
        UUID spaceId) {

    static final String GRID = "grid";
    static final String LIST = "list";

    AssetListParams {
        view = LIST.equals(view) ? LIST : GRID;
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        q = q == null || q.isBlank() ? null : q.strip();
    }

    static AssetListParams ofSpace(String view) {
        return new AssetListParams(view, null, null, null, false, null, null);
    }

    AssetFilter filter() {
        Set<String> tags = tag == null ? Set.of() : Arrays.stream(tag.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        return new AssetFilter(archived, type == null ? Set.of() : Set.of(type), tags, q, campaignId, spaceId, null);
    }

    /** Whether anything narrows the list (the view does not). */
    public boolean filtered() {
        return type != null || tag != null || q != null || archived || campaignId != null || spaceId != null;
    }

    public boolean isList() {
        return LIST.equals(view);
    }

    /** The path with these filters and the given view; the grid, being the default, is left out. */
    String url(String path, String withView) {
        StringJoiner query = new StringJoiner("&");
        if (LIST.equals(withView)) {
            query.add("view=" + LIST);
        }
        add(query, "type", type);
        add(query, "tag", tag);
        add(query, "q", q);
        add(query, "archived", archived ? "true" : null);
        add(query, "campaignId", campaignId);
        add(query, "spaceId", spaceId);
        return query.length() == 0 ? path : path + "?" + query;
    }

    /** Form encoding, as browsers send the filter form: a space is +, a + is %2B. */
    private static void add(StringJoiner query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
    }

    String url(String path) {
        return url(path, view);
    }
}
