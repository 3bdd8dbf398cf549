package io.flightdeck.shared.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A workspace's row that people edit: when it last changed, and the version that refuses a write made against an
 * older read (optimistic locking; API answers carry it as the ETag). The fields are the subclass's to set, in the same
 * statement as the change they date, which is why they are protected rather than behind a method.
 */
@MappedSuperclass
public abstract class VersionedEntity extends TenantOwnedEntity {

    @Column(name = "updated_at", nullable = false)
    protected Instant updatedAt;
    @Version
    protected long version;
}
