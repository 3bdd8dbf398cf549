package io.flightdeck.assets.domain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.flightdeck.assets.AssetType;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.export.ExportRows;
import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the current workspace's asset library in the full-text index (Hibernate Search), with facet counts. The
 * index holds every workspace's assets, each tagged with its workspace, and the search session is the workspace's own,
 * so another workspace's assets can never be hits or counted in a facet.
 * <p>
 * Text goes through a simple query string over the prose fields (all words must match, somewhere; {@code "a phrase"},
 * {@code prefix*}, {@code -not} and {@code a | b} work; a stray quote is not an error), titles and headlines weighing
 * three times as much as the rest and the name twice. Filters narrow without touching the score. Facets count all the
 * hits, not just the page.
 */
@Service
public class AssetSearch {

    /** Lucene pages by skipping, so deep pages cost more: beyond this many hits, narrow the search instead. */
    static final int MAX_WINDOW = 10_000;
    private static final int TOP_TERMS = 20;
    private static final int NAME_TRIGRAM = 3;

    private static final AggregationKey<Map<AssetType, Long>> TYPES = AggregationKey.of("type");
    private static final AggregationKey<Map<String, Long>> TAGS = AggregationKey.of("tag");
    private static final AggregationKey<Map<AdPlatform, Long>> PLATFORMS = AggregationKey.of("platform");
    private static final AggregationKey<Map<UUID, Long>> SPACES = AggregationKey.of("space");

    private final EntityManager entityManager;
    private final CampaignSpaceRepository spaces;

    AssetSearch(EntityManager entityManager, CampaignSpaceRepository spaces) {
        this.entityManager = entityManager;
        this.spaces = spaces;
    }

    /**
     * A page of hits and, unless {@code facets} is false, the facet counts. Counting the facets visits every hit, so
     * it is most of the cost of a broad search over a large library; a client that pages on, or needs no counts,
     * saves it.
     */
    @Transactional(readOnly = true)
    public AssetSearchResult search(AssetSearchQuery query, int page, int size, boolean facets) {
        if ((long) page * size + size > MAX_WINDOW) {
            throw new InvalidInputException("page", "reaches past the first " + MAX_WINDOW + " hits; narrow the search");
        }
        var search = Search.session(entityManager).search(Asset.class)
                .where(f -> predicate(f, query))
                .sort(f -> order(f, query));
        if (facets) {
            search = search
                    .aggregation(TYPES, f -> f.terms().field("type", AssetType.class).maxTermCount(TOP_TERMS))
                    .aggregation(TAGS, f -> f.terms().field("tags", String.class).maxTermCount(TOP_TERMS))
                    .aggregation(PLATFORMS, f -> f.terms().field("uses.space.platform", AdPlatform.class).maxTermCount(TOP_TERMS))
                    .aggregation(SPACES, f -> f.terms().field("uses.spaceId", UUID.class).maxTermCount(TOP_TERMS));
        }
        SearchResult<Asset> result = search.fetch(page * size, size);
        List<AssetView> items = result.hits().stream().map(Asset::view).toList();
        return new AssetSearchResult(items, result.total().hitCount(), page, size, !facets ? null : new AssetSearchResult.Facets(
                counts(result.aggregation(TYPES), Enum::name), counts(result.aggregation(TAGS), tag -> tag),
                counts(result.aggregation(PLATFORMS), Enum::name), spaceCounts(result.aggregation(SPACES))));
    }

    /**
     * Every hit of a search in its order, for an export: a scroll rather than pages, since pages by offset stop at the
     * window. Each chunk's assets load in one query (their tags and files batched) and leave the session before the
     * next, so memory holds one chunk; the read-only transaction lasts as long as the download.
     */
    @Transactional(readOnly = true)
    public void forEachHit(AssetSearchQuery query, int chunk, ExportRows.RowWriter<AssetView> writer) throws IOException {
        try (SearchScroll<Asset> scroll = Search.session(entityManager).search(Asset.class)
                .where(f -> predicate(f, query))
                .sort(f -> order(f, query))
                .scroll(chunk)) {
            for (SearchScrollResult<Asset> hits = scroll.next(); hits.hasHits(); hits = scroll.next()) {
                for (Asset asset : hits.hits()) {
                    writer.write(asset.view());
                }
                entityManager.clear();
            }
        }
    }

    /** By relevance when there are words (unless newest first is asked), then newest first, then by id. */
    private static SortFinalStep order(SearchSortFactory f, AssetSearchQuery query) {
        boolean byRelevance = query.hasText() && query.order() != AssetSearchQuery.Order.NEWEST;
        return byRelevance
                ? f.score().then().field("createdAt").desc().then().field("idSort").desc()
                : f.field("createdAt").desc().then().field("idSort").desc();
    }

    /** The words, scored, and the filters, which narrow without touching the score. */
    private static PredicateFinalStep predicate(SearchPredicateFactory f, AssetSearchQuery query) {
        return f.bool().with(b -> {
            if (!query.hasText()) {
                b.must(f.matchAll());
            } else {
                var words = f.simpleQueryString()
                        .field("title").boost(3f).field("headline").boost(3f).field("name").boost(2f)
                        .fields("description", "adCopy", "ctaText")
                        .matching(query.text())
                        .defaultOperator(BooleanOperator.AND)
                        .flags(SimpleQueryFlag.AND, SimpleQueryFlag.OR, SimpleQueryFlag.NOT, SimpleQueryFlag.PHRASE,
                                SimpleQueryFlag.PREFIX, SimpleQueryFlag.PRECEDENCE, SimpleQueryFlag.WHITESPACE);
                // a file name containing the text scores a constant 1, so it finds but never outranks words
                b.must(query.textInNames()
                        ? f.or(words, nameContains(f, query.text().strip().toLowerCase(Locale.ROOT)))
                        : words);
            }
            b.filter(f.match().field("archived").matching(Boolean.TRUE.equals(query.archived())));
            if (query.types() != null && !query.types().isEmpty()) {
                b.filter(f.terms().field("type").matchingAny(query.types()));
            }
            if (query.tags() != null && !query.tags().isEmpty()) {
                b.filter(f.terms().field("tags").matchingAll(query.tags()));
            }
            if (query.platforms() != null && !query.platforms().isEmpty()) {
                b.filter(f.terms().field("uses.space.platform").matchingAny(query.platforms()));
            }
            if (query.spaceId() != null) {
                b.filter(f.match().field("uses.spaceId").matching(query.spaceId()));
            }
            if (query.campaignId() != null) {
                b.filter(f.match().field("uses.campaignId").matching(query.campaignId()));
            }
            String name = query.name() == null ? "" : query.name().strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                b.filter(nameContains(f, name));
            }
        });
    }

    /** How many of the workspace's assets, archived ones included, the index holds. */
    @Transactional(readOnly = true)
    public long indexedCount() {
        return Search.session(entityManager).search(Asset.class).where(f -> f.matchAll()).fetchTotalHitCount();
    }

    private static <K> List<AssetSearchResult.FacetCount> counts(Map<K, Long> counts, Function<K, String> value) {
        List<AssetSearchResult.FacetCount> facet = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> facet.add(new AssetSearchResult.FacetCount(value.apply(key), null, count)));
        return facet;
    }

    /** Spaces by name; a space deleted since its assets were indexed is left out. */
    private List<AssetSearchResult.FacetCount> spaceCounts(Map<UUID, Long> counts) {
        Map<UUID, String> names = new HashMap<>();
        spaces.findAllById(counts.keySet()).forEach(space -> names.put(space.getId(), space.getName()));
        List<AssetSearchResult.FacetCount> facet = new ArrayList<>(counts.size());
        counts.forEach((id, count) -> {
            if (names.containsKey(id)) {
                facet.add(new AssetSearchResult.FacetCount(id.toString(), names.get(id), count));
            }
        });
        return facet;
    }

    /**
     * Part of the file name, lower case: the name's trigrams in a row (a substring, found through the index rather than
     * by scanning names), or for one or two letters a wildcard. Its score is constant: as a filter it has none, and
     * beside words it finds without outranking them.
     */
    private static PredicateFinalStep nameContains(SearchPredicateFactory f, String name) {
        return name.length() >= NAME_TRIGRAM
                ? f.phrase().field("nameContains").matching(name).constantScore()
                : f.wildcard().field("nameKeyword").matching("*" + escapeWildcard(name) + "*").constantScore();
    }

    private static String escapeWildcard(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }
}
