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

    /** The same for many contacts at once (an import's batch): one delete, one batched insert. */
    @Transactional(propagation = Propagation.MANDATORY)
    void replace(Map<UUID, Map<String, String>> attributesByContact) {
        if (attributesByContact.isEmpty()) {
            return;
        }
        UUID tenant = TenantScope.require();
        List<UUID> ids = new ArrayList<>(attributesByContact.keySet());
        for (int from = 0; from < ids.size(); from += 500) { // a bounded IN list per statement
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            List<Object> args = new ArrayList<>();
            args.add(tenant);
            args.addAll(part);
            jdbc.update("delete from email_contact_attributes where tenant_id = ? and contact_id in (" + marks + ")",
                    args.toArray());
        }
        List<Object[]> rows = new ArrayList<>();
        attributesByContact.forEach((contactId, attributes) -> attributes.forEach((name, text) -> rows.add(
                new Object[] {tenant, contactId, name, text, AttributeValues.number(text), AttributeValues.date(text)})));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into email_contact_attributes (tenant_id, contact_id, name, text_value, "
                    + "number_value, date_value) values (?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /** Every attribute name the workspace's contacts have, in order (an export's columns). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> names() {
        return jdbc.queryForList("select distinct name from email_contact_attributes where tenant_id = ? order by name",
                String.class, TenantScope.require());
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
