package io.flightdeck.shared.persistence;

import java.util.Objects;
import java.util.UUID;

import io.flightdeck.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * Base of every entity: a UUIDv7 id assigned on construction (so it is known before the insert), and
 * {@link Persistable} so Spring Data inserts a new entity without first selecting it.
 */
@MappedSuperclass
public abstract class AbstractEntity implements Persistable<UUID> {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id = Ids.newId();

    @Transient
    private boolean isNew = true;

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
