package io.flightdeck.shared.search;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Adds the common search fields ({@link SearchFields}) to an index and fills them from
 * {@link io.flightdeck.shared.search.Searchable#searchDocument()}. Every index declares them with the same types and
 * analyzers, which is what lets one query target all the indexes and aggregate and highlight across them.
 */
final class SearchableBinder implements TypeBinder {

    private final String[] dependsOn;

    SearchableBinder(String[] dependsOn) {
        this.dependsOn = dependsOn.clone();
    }

    @Override
    public void bind(TypeBindingContext context) {
        for (String path : dependsOn) {
            context.dependencies().use(path);
        }
        IndexSchemaElement schema = context.indexSchemaElement();
        Fields fields = new Fields(
                keyword(schema, SearchFields.TYPE, false),
                schema.field(SearchFields.ID, f -> f.asString().projectable(Projectable.YES)
                        .searchable(Searchable.NO)).toReference(),
                words(schema, SearchFields.TITLE),
                words(schema, SearchFields.TEXT),
                keyword(schema, SearchFields.STATUS, false),
                keyword(schema, SearchFields.OWNER, false),
                keyword(schema, SearchFields.TAGS, true),
                keyword(schema, SearchFields.CHANNELS, true),
                schema.field(SearchFields.DATE, f -> f.asInstant().aggregable(Aggregable.YES).sortable(Sortable.YES)
                        .projectable(Projectable.YES)).toReference(),
                schema.field(SearchFields.CAMPAIGN, f -> f.asString()).toReference(),
                schema.field(SearchFields.LINK, f -> f.asString().projectable(Projectable.YES)
                        .searchable(Searchable.NO)).toReference(),
                schema.field(SearchFields.HIDDEN, f -> f.asBoolean()).toReference(),
                schema.field(SearchFields.PRIVATE_TO, f -> f.asString()).toReference());
        context.bridge(io.flightdeck.shared.search.Searchable.class, new Bridge(fields));
    }

    private static IndexFieldReference<String> keyword(IndexSchemaElement schema, String name, boolean many) {
        var field = schema.field(name, f -> f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES));
        return (many ? field.multiValued() : field).toReference();
    }

    /** Prose, stored for projections and highlighted with the unified highlighter. */
    private static IndexFieldReference<String> words(IndexSchemaElement schema, String name) {
        return schema.field(name, f -> f.asString().analyzer(SearchAnalysis.ENGLISH).projectable(Projectable.YES)
                .highlightable(java.util.List.of(Highlightable.UNIFIED))).toReference();
    }

    private record Fields(IndexFieldReference<String> type, IndexFieldReference<String> id,
            IndexFieldReference<String> title, IndexFieldReference<String> text, IndexFieldReference<String> status,
            IndexFieldReference<String> owner, IndexFieldReference<String> tags, IndexFieldReference<String> channels,
            IndexFieldReference<Instant> date, IndexFieldReference<String> campaign, IndexFieldReference<String> link,
            IndexFieldReference<Boolean> hidden, IndexFieldReference<String> privateTo) {
    }

    private record Bridge(Fields fields) implements TypeBridge<io.flightdeck.shared.search.Searchable> {

        @Override
        public void write(DocumentElement target, io.flightdeck.shared.search.Searchable entity,
                TypeBridgeWriteContext context) {
            SearchDocument document = entity.searchDocument();
            target.addValue(fields.type, document.type());
            target.addValue(fields.id, String.valueOf(idOf(entity)));
            target.addValue(fields.title, document.title());
            target.addValue(fields.text, document.text());
            target.addValue(fields.status, document.status());
            target.addValue(fields.owner, text(document.owner()));
            document.tags().forEach(tag -> target.addValue(fields.tags, tag));
            document.channels().forEach(channel -> target.addValue(fields.channels, channel));
            target.addValue(fields.date, document.date());
            target.addValue(fields.campaign, text(document.campaign()));
            target.addValue(fields.link, document.link());
            target.addValue(fields.hidden, document.hidden());
            target.addValue(fields.privateTo, text(document.privateTo()));
        }

        private static Object idOf(io.flightdeck.shared.search.Searchable entity) {
            return entity instanceof io.flightdeck.shared.persistence.AbstractEntity owned ? owned.getId() : null;
        }

        private static String text(UUID id) {
            return id == null ? null : id.toString();
        }
    }
}
