package io.flightdeck.shared.search;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.TypeMapping;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.TypeMappingAnnotationProcessor;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.TypeMappingAnnotationProcessorContext;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.TypeMappingAnnotationProcessorRef;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

/**
 * Put on a {@link Searchable} entity beside {@code @Indexed}: its index gets the common search fields. Name the
 * entity's properties that {@link Searchable#searchDocument()} reads in {@code dependsOn}, so that a change to any of
 * them reindexes the entity on commit (Hibernate Search skips reindexing when no property it knows of changed).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TypeMapping(processor = @TypeMappingAnnotationProcessorRef(type = SearchableDocument.Processor.class))
public @interface SearchableDocument {

    /** Property paths, e.g. {@code "title"}, {@code "tags"}, {@code "copy.text"}. */
    String[] dependsOn();

    class Processor implements TypeMappingAnnotationProcessor<SearchableDocument> {
        @Override
        public void process(TypeMappingStep mapping, SearchableDocument annotation,
                TypeMappingAnnotationProcessorContext context) {
            mapping.binder(new SearchableBinder(annotation.dependsOn()));
        }
    }
}
