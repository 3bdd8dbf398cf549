package io.flightdeck.search;

import java.util.List;
import java.util.UUID;

/**
 * The ids of the items of one kind that a search finds for the current member (with their role, in their workspace),
 * newest first: what a bulk action on "all that match" acts on.
 */
public interface MatchingItems {

    /**
     * @param type     the search's key of the kind ({@code task}, {@code campaign}, ...); any type filter in
     *                 {@code criteria} is replaced by it
     * @param limit    the most ids wanted; ask for one more than you take to learn that there are more
     * @throws io.flightdeck.shared.InvalidInputException for criteria the search box refuses
     */
    List<UUID> ids(String type, SearchCriteria criteria, int limit);
}
