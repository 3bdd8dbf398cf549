package io.flightdeck.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A search as the search box's address holds it: the words and each filter by its key (as {@code GET /api/v1/search}
 * takes them), for the API, the results page, a saved search and a bulk action on all that match. The search checks it
 * when it runs it (an unknown type, words too long, a range that ends before it starts).
 */
@Schema(name = "SearchCriteria", description = "The words and filters, as GET /api/v1/search takes them")
public record SearchCriteria(
        @Nullable @Size(max = MAX_WORDS) @Schema(example = "spring launch") String q,
        @Nullable @ArraySchema(schema = @Schema(example = "task")) List<@Size(max = 40) String> type,
        @Nullable List<@Size(max = 40) String> status,
        @Nullable List<UUID> owner,
        @Nullable List<@Size(max = 100) String> tag,
        @Nullable List<@Size(max = 40) String> channel,
        @Nullable LocalDate from, @Nullable LocalDate to) {

    public static final int MAX_WORDS = 200;

    public SearchCriteria {
        q = q == null ? "" : q.strip();
        type = values(type);
        status = values(status);
        owner = values(owner);
        tag = values(tag);
        channel = values(channel);
    }

    /** The results page of this search. */
    public String link() {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search");
        if (!q.isEmpty()) {
            uri.queryParam("q", q);
        }
        type.forEach(value -> uri.queryParam("type", value));
        status.forEach(value -> uri.queryParam("status", value));
        owner.forEach(value -> uri.queryParam("owner", value));
        tag.forEach(value -> uri.queryParam("tag", value));
        channel.forEach(value -> uri.queryParam("channel", value));
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        return uri.build().encode().toUriString();
    }

    /** Kept as given (nulls too), so the search can name the mistake rather than the JSON reader failing. */
    private static <T> List<T> values(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

}
