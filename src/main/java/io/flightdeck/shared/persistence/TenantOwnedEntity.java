package io.flightdeck.shared.persistence;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * Base of every row that belongs to a workspace. Hibernate fills {@code tenant_id} from the current
 * {@link io.flightdeck.shared.tenancy.TenantScope} on insert and adds it to every query, so no repository
 * method can forget it.
 */
@MappedSuperclass
public abstract class TenantOwnedEntity extends AbstractEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    public UUID getTenantId() {
        return tenantId;
    }
}
