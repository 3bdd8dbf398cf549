package io.flightdeck.search.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.search.SearchCriteria;
import io.flightdeck.shared.InvalidInputException;

/**
 * What is searched for: words (may be empty: then everything, newest first) and filters, each list matching any of
 * its values. Dates are days in UTC, both ends included.
 */
public record SearchQuery(String text, List<SearchType> types, List<String> statuses, List<UUID> owners,
        List<String> tags, List<String> channels, LocalDate from, LocalDate to) {

    private static final int MAX_VALUES = 50;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        types = types == null ? List.of() : List.copyOf(types);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        owners = owners == null ? List.of() : List.copyOf(owners);
        tags = tags == null ? List.of() : List.copyOf(tags);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /**
     * The query the criteria ask for; refuses words that are too long, an unknown type, a null in a list and a range
     * that ends before it starts.
     */
    public static SearchQuery of(SearchCriteria criteria) {
        String q = criteria.q();
        LocalDate from = criteria.from();
        LocalDate to = criteria.to();
        if (q.length() > SearchCriteria.MAX_WORDS) {
            throw new InvalidInputException("q", "is at most " + SearchCriteria.MAX_WORDS + " characters");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "is on or after from");
        }
        checked("type", criteria.type());
        checked("status", criteria.status());
        checked("owner", criteria.owner());
        checked("tag", criteria.tag());
        checked("channel", criteria.channel());
        List<SearchType> types = new ArrayList<>();
        for (String key : criteria.type()) {
            types.add(SearchType.of(key).orElseThrow(() -> new InvalidInputException("type", "is one of "
                    + String.join(", ", Arrays.stream(SearchType.values()).map(SearchType::key).toList()))));
        }
        return new SearchQuery(q, types, criteria.status(), criteria.owner(), criteria.tag(), criteria.channel(), from,
                to);
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

    public static SearchQuery words(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null);
    }

    boolean hasText() {
        return !text.isEmpty();
    }
}
