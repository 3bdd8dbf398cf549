package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.Map;

import io.flightdeck.email.contacts.AttributeValues;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills {@code email_contact_attributes} from the contacts that exist already, reading each contact's json column with
 * Jackson: SQL cannot look inside json on H2, so this one step is Java. From here on the application writes the rows
 * whenever it writes a contact's attributes. Flyway finds it beside the SQL migrations ({@code classpath:db/migration}).
 * Contacts that have rows already are left alone, so running it again changes nothing.
 */
public class V202612040210__email_contact_attributes_backfill extends BaseJavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
                ResultSet contacts = read.executeQuery("select c.id, c.tenant_id, c.attributes from email_contacts c "
                        + "where not exists (select 1 from email_contact_attributes a where a.contact_id = c.id)");
                PreparedStatement insert = connection.prepareStatement("insert into email_contact_attributes "
                        + "(tenant_id, contact_id, name, text_value, number_value, date_value) values (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            while (contacts.next()) {
                for (Map.Entry<String, JsonNode> attribute : attributes(contacts.getString(3)).properties()) {
                    if (attribute.getValue().isNull()) {
                        continue;
                    }
                    String text = attribute.getValue().isValueNode() ? attribute.getValue().asString()
                            : attribute.getValue().toString();
                    insert.setObject(1, contacts.getObject(2));
                    insert.setObject(2, contacts.getObject(1));
                    insert.setString(3, attribute.getKey());
                    insert.setString(4, text.length() > 500 ? text.substring(0, 500) : text);
                    if (AttributeValues.number(text) == null) {
                        insert.setNull(5, Types.NUMERIC);
                    } else {
                        insert.setBigDecimal(5, AttributeValues.number(text));
                    }
                    if (AttributeValues.date(text) == null) {
                        insert.setNull(6, Types.DATE);
                    } else {
                        insert.setObject(6, AttributeValues.date(text));
                    }
                    insert.addBatch();
                    if (++pending == 500) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** The attributes object; a json string holding the object (as a driver may hand it back) is read once more. */
    private static JsonNode attributes(String stored) {
        if (stored == null || stored.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode node = JSON.readTree(stored);
        if (node.isString()) {
            node = JSON.readTree(node.asString());
        }
        return node.isObject() ? node : JSON.createObjectNode();
    }
}
