package io.flightdeck.shared.search;

/**
 * An entity that the one search box finds. Each implementing entity is {@code @Indexed} in an index of its own and
 * carries {@link SearchableDocument}, which maps what {@link #searchDocument()} answers to the same common fields in
 * every index ({@link SearchFields}), so one query over all of them can filter, count facets and highlight alike.
 */
public interface Searchable {

    /** What the search box shows and filters by; read when the entity is indexed. */
    SearchDocument searchDocument();
}
