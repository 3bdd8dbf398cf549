package io.flightdeck.shared.search;

import java.util.UUID;

import org.hibernate.search.mapper.pojo.tenancy.TenantIdentifierConverter;

/**
 * Workspace ids are UUIDs in Hibernate (see {@code TenantIdentifierResolver}); the index keeps them as their text.
 * Hibernate Search's default converter accepts only strings.
 */
class UuidTenantIds implements TenantIdentifierConverter {

    @Override
    public String toStringValue(Object tenantId) {
        return tenantId == null ? null : tenantId.toString();
    }

    @Override
    public Object fromStringValue(String tenantId) {
        return tenantId == null ? null : UUID.fromString(tenantId);
    }
}
