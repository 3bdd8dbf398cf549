package io.flightdeck.email.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code email_contact_attributes} in step with a contact's attributes: one row per attribute, with its number
 * and date readings, so segment rules can compare attributes in SQL (the contact's json column cannot be looked into
 * on H2). Written in the caller's transaction after the contact row is flushed; an erased contact's rows go with it
 * (on delete cascade). Native SQL, so it names the workspace itself.
 */
@Component
class ContactAttributeRows {

    private final JdbcTemplate jdbc;

    ContactAttributeRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void replace(UUID contactId, Map<String, String> attributes) {
        UUID tenant = TenantScope.require();
        jdbc.update("delete from email_contact_attributes where tenant_id = ? and contact_id = ?", tenant, contactId);
        if (attributes.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        attributes.forEach((name, text) -> rows.add(new Object[] {tenant, contactId, name, text,
                AttributeValues.number(text), AttributeValues.date(text)}));
        jdbc.batchUpdate("insert into email_contact_attributes (tenant_id, contact_id, name, text_value, number_value, "
                + "date_value) values (?, ?, ?, ?, ?, ?)", rows);
    }
}
