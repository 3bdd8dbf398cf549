package io.flightdeck.email.facts;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.FactObjects;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names the email sends behind analytics' facts ({@link EmailFacts}): the email's name, linked to its page. */
@Component
class EmailFactObjects implements FactObjects {

    private final JdbcClient jdbc;

    EmailFactObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String objectType() {
        return EmailFacts.OBJECT_TYPE;
    }

    @Override
    public Map<String, Named> names(Collection<String> objectIds) {
        List<UUID> ids = FactObjects.uuids(objectIds);
        Map<String, Named> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name from email_campaigns where tenant_id = :tenant and id in (:ids)")
                    .param("tenant", TenantScope.require()).param("ids", ids)
                    .query((RowCallbackHandler) r -> names.put(r.getString(1), new Named("Email: " + r.getString(2),
                            "/email/campaigns/" + r.getString(1))));
        }
        return names;
    }
}
