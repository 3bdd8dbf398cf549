package io.flightdeck.search.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.search.MatchingItems;
import io.flightdeck.search.SearchCriteria;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.search.SearchFields;
import io.flightdeck.shared.search.Searchable;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateOptionsCollector;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one search box: a query over every searchable index at once ({@code search(Searchable.class)} targets every
 * indexed entity that implements it), on the common fields each of them maps. The search session is the
 * workspace's own (Hibernate Search's tenant discriminator), so another workspace is neither a hit nor counted; kinds
 * the member's role may not open, and other members' private items, are filtered out in the query, so they are not
 * counted either. Hits are read from
 * the index alone (stored fields and highlights), so a page of results loads no entity.
 */
@Service
public class SiteSearch implements MatchingItems {

    /** Lucene pages by skipping: beyond this many hits, narrow the search. */
    static final int MAX_WINDOW = 10_000;
    private static final int TOP_TERMS = 20;
    private static final int SNIPPET = 160;

    private static final AggregationKey<Map<String, Long>> TYPES = AggregationKey.of("type");
    private static final AggregationKey<Map<String, Long>> STATUSES = AggregationKey.of("status");
    private static final AggregationKey<Map<String, Long>> OWNERS = AggregationKey.of("owner");
    private static final AggregationKey<Map<String, Long>> TAGS = AggregationKey.of("tag");
    private static final AggregationKey<Map<String, Long>> CHANNELS = AggregationKey.of("channel");
    private static final AggregationKey<Map<Range<Instant>, Long>> DATES = AggregationKey.of("date");

    private final EntityManager entityManager;
    private final SearchFacetLabels labels;
    private final Clock clock;

    SiteSearch(EntityManager entityManager, SearchFacetLabels labels, Clock clock) {
        this.entityManager = entityManager;
        this.labels = labels;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SearchResults search(SearchQuery query, UUID member, Role role, int page, int size) {
        if ((long) page * size + size > MAX_WINDOW) {
            throw new InvalidInputException("page", "reaches past the first " + MAX_WINDOW + " hits; narrow the search");
        }
        List<DateBucket> buckets = DateBucket.around(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        SearchResult<List<?>> result = Search.session(entityManager).search(Searchable.class)
                .select(f -> f.composite().from(
                        f.field(SearchFields.TYPE, String.class), f.field(SearchFields.ID, String.class),
                        f.field(SearchFields.TITLE, String.class), f.highlight(SearchFields.TEXT),
                        f.field(SearchFields.LINK, String.class), f.field(SearchFields.STATUS, String.class),
                        f.field(SearchFields.DATE, Instant.class), f.score()).asList())
                .where(f -> predicate(f, query, member, role))
                // HTML encoding escapes the indexed text, so a snippet carries no markup but our <mark>; the unified highlighter
                // cuts fragments at sentences (Lucene refuses a fragment size for it)
                .highlighter(h -> h.unified().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
                        .numberOfFragments(1).noMatchSize(SNIPPET))
                .sort(f -> query.hasText()
                        ? f.score().then().field(SearchFields.DATE).desc().missing().last()
                        : f.field(SearchFields.DATE).desc().missing().last())
                .aggregation(TYPES, f -> f.terms().field(SearchFields.TYPE, String.class).maxTermCount(TOP_TERMS))
                .aggregation(STATUSES, f -> f.terms().field(SearchFields.STATUS, String.class).maxTermCount(TOP_TERMS))
                .aggregation(OWNERS, f -> f.terms().field(SearchFields.OWNER, String.class).maxTermCount(TOP_TERMS))
                .aggregation(TAGS, f -> f.terms().field(SearchFields.TAGS, String.class).maxTermCount(TOP_TERMS))
                .aggregation(CHANNELS, f -> f.terms().field(SearchFields.CHANNELS, String.class).maxTermCount(TOP_TERMS))
                .aggregation(DATES, f -> f.range().field(SearchFields.DATE, Instant.class)
                        .ranges(buckets.stream().map(DateBucket::range).toList()))
                .fetch(page * size, size);
        List<SearchResults.Hit> hits = result.hits().stream().map(SiteSearch::hit).toList();
        SearchResults.Facets facets = new SearchResults.Facets(
                labels.types(result.aggregation(TYPES)), labels.plain(result.aggregation(STATUSES)),
                labels.owners(result.aggregation(OWNERS)), labels.plain(result.aggregation(TAGS)),
                labels.plain(result.aggregation(CHANNELS)), DateBucket.counts(buckets, result.aggregation(DATES)));
        return new SearchResults(hits, result.total().hitCount(), page, size, facets);
    }

    /** A hit as an alert knows it: {@code key} is its type and id ("task:…"). */
    record Found(String key, String title) {
    }

    /** Up to {@code limit} hits, newest first, read from the index alone: what a saved search's alert compares. */
    @Transactional(readOnly = true)
    public List<Found> newest(SearchQuery query, UUID member, Role role, int limit) {
        return Search.session(entityManager).search(Searchable.class)
                .select(f -> f.composite().from(f.field(SearchFields.TYPE, String.class),
                        f.field(SearchFields.ID, String.class), f.field(SearchFields.TITLE, String.class))
                        .as((type, id, title) -> new Found(type + ":" + id, title)))
                .where(f -> predicate(f, query, member, role))
                .sort(f -> f.field(SearchFields.DATE).desc().missing().last())
                .fetchHits(limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> ids(String type, SearchCriteria criteria, int limit) {
        SearchType kind = SearchType.of(type).orElseThrow(() -> new InvalidInputException("type", "is not searched"));
        SearchQuery asked = SearchQuery.of(criteria);
        SearchQuery query = new SearchQuery(asked.text(), List.of(kind), asked.statuses(), asked.owners(), asked.tags(),
                asked.channels(), asked.from(), asked.to());
        Actor actor = CurrentActor.require();
        return newest(query, actor.userId(), actor.role(), limit).stream()
                .map(found -> UUID.fromString(found.key().substring(found.key().indexOf(':') + 1))).toList();
    }

    private static SearchResults.Hit hit(List<?> row) {
        @SuppressWarnings("unchecked")
        List<String> highlights = (List<String>) row.get(3);
        Float score = (Float) row.get(7);
        return new SearchResults.Hit((String) row.get(0), (String) row.get(1), (String) row.get(2),
                highlights == null || highlights.isEmpty() ? "" : onlyMarks(highlights.get(0)), (String) row.get(4),
                (String) row.get(5), (Instant) row.get(6), score == null || score.isNaN() ? 0 : score);
    }

    /**
     * The highlighter escapes the text it cuts, but a snippet is shown as markup, so it goes through jsoup as well:
     * whatever reached it, only {@code <mark>} survives as a tag.
     */
    static String onlyMarks(String snippet) {
        return Jsoup.clean(snippet, "", Safelist.none().addTags("mark"),
                new Document.OutputSettings().prettyPrint(false));
    }

    /** Every word must match, each allowing typos (more for longer words); the filters do not touch the score. */
    private static PredicateFinalStep predicate(SearchPredicateFactory f, SearchQuery query, UUID member, Role role) {
        return f.bool().with(b -> {
            b.must(f.matchAll());
            for (String word : query.text().split("\\s+")) {
                if (!word.isBlank()) {
                    b.must(f.match().field(SearchFields.TITLE).boost(3f).field(SearchFields.TEXT)
                            .matching(word).fuzzy(typos(word), 1));
                }
            }
            b.filter(f.match().field(SearchFields.HIDDEN).matching(false));
            // a private template is its owner's alone: for anyone else it is neither a hit nor counted
            b.filter(f.or(f.not(f.exists().field(SearchFields.PRIVATE_TO)),
                    f.match().field(SearchFields.PRIVATE_TO).matching(member.toString())));
            List<String> hidden = SearchType.hiddenFrom(role);
            if (!hidden.isEmpty()) {
                b.mustNot(f.terms().field(SearchFields.TYPE).matchingAny(hidden));
            }
            anyOf(f, b, SearchFields.TYPE, query.types().stream().map(SearchType::key).toList());
            anyOf(f, b, SearchFields.STATUS, query.statuses());
            anyOf(f, b, SearchFields.OWNER, query.owners().stream().map(UUID::toString).toList());
            anyOf(f, b, SearchFields.TAGS, query.tags());
            anyOf(f, b, SearchFields.CHANNELS, query.channels());
            if (query.from() != null || query.to() != null) {
                b.filter(f.range().field(SearchFields.DATE).between(
                        query.from() == null ? null : DateBucket.start(query.from()), RangeBoundInclusion.INCLUDED,
                        query.to() == null ? null : DateBucket.start(query.to().plusDays(1)), RangeBoundInclusion.EXCLUDED));
            }
        });
    }

    private static void anyOf(SearchPredicateFactory f,
            BooleanPredicateOptionsCollector<?, ?> b, String field,
            List<String> values) {
        if (!values.isEmpty()) {
            b.filter(f.terms().field(field).matchingAny(new ArrayList<>(values)));
        }
    }

    /** As search engines do: exact for one or two letters, one typo up to five, two beyond. */
    static int typos(String word) {
        int length = word.codePointCount(0, word.length());
        return length <= 2 ? 0 : length <= 5 ? 1 : 2;
    }
}
