package io.flightdeck.shared.search;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;

/**
 * The entity types whose changes reach the search index, by Hibernate entity name: the indexed ones and those a search
 * document embeds (an asset's uses and their spaces). Hibernate Search lists only the indexed types publicly, so the
 * embedded ones are found by following {@link IndexedEmbedded} fields from them (our mappings annotate fields).
 */
final class SearchedEntityTypes {

    private final Map<String, Class<?>> types;
    private final Set<String> indexed;

    private SearchedEntityTypes(Map<String, Class<?>> types, Set<String> indexed) {
        this.types = Map.copyOf(types);
        this.indexed = Set.copyOf(indexed);
    }

    static SearchedEntityTypes of(EntityManagerFactory entityManagers) {
        MappingMetamodel orm = entityManagers.unwrap(SessionFactoryImplementor.class).getMappingMetamodel();
        Map<String, Class<?>> types = new HashMap<>();
        Set<String> indexed = new HashSet<>();
        for (SearchIndexedEntity<?> entity : Search.mapping(entityManagers).allIndexedEntities()) {
            indexed.add(orm.getEntityDescriptor(entity.javaClass()).getEntityName());
            follow(entity.javaClass(), orm, types);
        }
        return new SearchedEntityTypes(types, indexed);
    }

    private static void follow(Class<?> type, MappingMetamodel orm, Map<String, Class<?>> types) {
        EntityPersister persister = orm.findEntityDescriptor(type);
        if (persister == null || types.putIfAbsent(persister.getEntityName(), type) != null) {
            return;
        }
        for (Class<?> declaring = type; declaring != Object.class; declaring = declaring.getSuperclass()) {
            for (Field field : declaring.getDeclaredFields()) {
                if (field.isAnnotationPresent(IndexedEmbedded.class)) {
                    follow(target(field), orm, types);
                }
            }
        }
    }

    /** A collection's element type, or the field's own. */
    private static Class<?> target(Field field) {
        if (Collection.class.isAssignableFrom(field.getType()) && field.getGenericType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return field.getType();
    }

    boolean contains(String entityName) {
        return types.containsKey(entityName);
    }

    /** Has documents of its own, which a deleted entity's purge removes. */
    boolean indexed(String entityName) {
        return indexed.contains(entityName);
    }

    Class<?> javaClass(String entityName) {
        return types.get(entityName);
    }
}
