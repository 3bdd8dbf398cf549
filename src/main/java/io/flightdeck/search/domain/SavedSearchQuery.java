package io.flightdeck.search.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A search as the search box's address holds it: the words and each filter by its key (as {@code GET /api/v1/search}
 * takes them), checked once here for the API, the results page and a saved search alike.
 */
@Schema(name = "SavedSearchQuery", description = "The words and filters, as GET /api/v1/search takes them")
public record SavedSearchQuery(
        @Nullable @Size(max = MAX_WORDS) @Schema(example = "spring launch") String q,
        @Nullable @ArraySchema(schema = @Schema(example = "task")) List<@Size(max = 40) String> type,
        @Nullable List<@Size(max = 40) String> status,
        @Nullable List<UUID> owner,
        @Nullable List<@Size(max = 100) String> tag,
        @Nullable List<@Size(max = 40) String> channel,
        @Nullable LocalDate from, @Nullable LocalDate to) {

    public static final int MAX_WORDS = 200;
    private static final int MAX_VALUES = 50;

    public SavedSearchQuery {
        q = q == null ? "" : q.strip();
        type = values(type);
        status = values(status);
        owner = values(owner);
        tag = values(tag);
        channel = values(channel);
    }

    /** The query it asks for; refuses words that are too long, an unknown type and a range that ends before it starts. */
    public SearchQuery query() {
        if (q.length() > MAX_WORDS) {
            throw new InvalidInputException("q", "is at most " + MAX_WORDS + " characters");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "is on or after from");
        }
        checked("type", type);
        checked("status", status);
        checked("owner", owner);
        checked("tag", tag);
        checked("channel", channel);
        List<SearchType> types = new ArrayList<>();
        for (String key : type) {
            types.add(SearchType.of(key).orElseThrow(() -> new InvalidInputException("type", "is one of "
                    + String.join(", ", Arrays.stream(SearchType.values()).map(SearchType::key).toList()))));
        }
        return new SearchQuery(q, types, status, owner, tag, channel, from, to);
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

    /** Kept as given (nulls too), so {@link #query()} can name the mistake rather than the JSON reader failing. */
    private static <T> List<T> values(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** A null inside a list is a mistake the caller should hear of, not a filter silently dropped. */
    private static void checked(String field, List<?> values) {
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException(field, "holds no nulls");
        }
        if (values.size() > MAX_VALUES) {
            throw new InvalidInputException(field, "holds at most " + MAX_VALUES + " values");
        }
    }
}
