package io.flightdeck.search.domain;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A page of hits, their total, and the facet counts over all the hits. */
@Schema(name = "SearchResults")
public record SearchResults(List<Hit> items, long total, int page, int size, Facets facets) {

    /**
     * One hit. {@code snippet} is HTML: the matched words wrapped in {@code <mark>}, everything else escaped, so it
     * may be shown as markup.
     */
    @Schema(name = "SearchHit")
    public record Hit(@Schema(example = "task") String type, @Schema(example = "0190f5a2-7c1e-7d3a-9b4e-2f6c8d1a3b5e") String id,
            @Schema(example = "Write the launch brief") String title,
            @Schema(example = "Draft the <mark>launch</mark> brief for the spring campaign") String snippet,
            @Schema(example = "/tasks/0190f5a2-7c1e-7d3a-9b4e-2f6c8d1a3b5e") String link,
            @Nullable @Schema(example = "TODO") String status, @Nullable Instant date,
            double score) {
    }

    /** Counts by value; {@code label} is the value in words where it is an id or a key. */
    @Schema(name = "SearchFacetCount")
    public record FacetCount(@Schema(example = "task") String value, @Schema(example = "Task") String label, long count) {
    }

    @Schema(name = "SearchFacets")
    public record Facets(List<FacetCount> type, List<FacetCount> status, List<FacetCount> owner,
            List<FacetCount> tag, List<FacetCount> channel, List<DateBucket> date) {
    }

    /** A date range with its count; {@code from} and {@code to} are the filter values that select it. */
    @Schema(name = "SearchDateBucket")
    public record DateBucket(@Schema(example = "past-week") String value, @Schema(example = "Past 7 days") String label,
            @Nullable @Schema(example = "2026-11-21") String from, @Nullable @Schema(example = "2026-11-28") String to,
            long count) {
    }
}
