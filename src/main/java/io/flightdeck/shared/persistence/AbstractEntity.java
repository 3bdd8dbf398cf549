package io.flightdeck.shared.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.domain.Persistable;

/**
 * Base of every entity: a UUIDv7 id assigned on construction (so it is known before the insert), and
 * {@link Persistable} so Spring Data inserts a new entity without first selecting it, and the events its changes
 * raise ({@link #registerEvent}), published on save as Spring Data's {@code AbstractAggregateRoot} does.
 */
@MappedSuperclass
public abstract class AbstractEntity implements Persistable<UUID> {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id = Ids.newId();

    @Transient
    private boolean isNew = true;

    /** Events raised by the last changes, published when the repository saves this entity (then forgotten). */
    @Transient
    private final transient List<Object> raisedEvents = new ArrayList<>();

    protected AbstractEntity() {
    }

    /** For the rare entity whose id must be known before it exists (a workspace opens its own tenant scope). */
    protected AbstractEntity(UUID id) {
        this.id = id;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    /**
     * Raises an event with the change that causes it, so no caller can change the aggregate and forget the event:
     * Spring Data publishes it when the repository's {@code save} (or {@code saveAndFlush}) takes this entity, inside
     * the caller's transaction, so listeners and the event publication registry see it as if published by hand.
     */
    protected void registerEvent(Object event) {
        raisedEvents.add(event);
    }

    @DomainEvents
    Collection<Object> raisedEvents() {
        return List.copyOf(raisedEvents);
    }

    @AfterDomainEventPublication
    void eventsPublished() {
        raisedEvents.clear();
    }

    @PostLoad
    @PostPersist
    void markNotNew() {
        this.isNew = false;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof AbstractEntity other && getClass() == other.getClass() && Objects.equals(id, other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
