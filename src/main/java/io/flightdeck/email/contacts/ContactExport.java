package io.flightdeck.email.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.export.ExportColumn;
import io.flightdeck.shared.export.ExportRows;
import io.flightdeck.shared.export.ListExport;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workspace's contacts (or those a search and a status choose) for the export kit, as CSV or Excel, streamed: read a page at a time in address
 * order, each page in a short read-only transaction, so memory holds one page whatever the number of contacts. The
 * columns are the address, name, status, consent source and time, time zone, then one per attribute the workspace's
 * contacts have; every cell a spreadsheet could take for a formula is written as text.
 */
@Service
public class ContactExport {

    /** Contacts read per page. */
    static final int PAGE = 1_000;
    private static final List<String> COLUMNS = List.of("email", "name", "status", "consent_source", "consent_at",
            "time_zone");

    private final ContactRepository contacts;
    private final ContactAttributeRows attributeRows;
    private final TransactionTemplate reads;

    ContactExport(ContactRepository contacts, ContactAttributeRows attributeRows, TransactionTemplate transactions) {
        this.contacts = contacts;
        this.attributeRows = attributeRows;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
    }

    /** Checks the search before anything is written, so a bad one is a 400 rather than a broken download. */
    public static String like(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        if (query.strip().length() > 320) {
            throw new InvalidInputException("q", "Search for at most 320 characters");
        }
        return "%" + query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    /**
     * The columns: the fixed ones, then one per attribute the workspace's contacts have (an attribute named like a
     * fixed column is written attribute_name).
     */
    public ListExport<ContactView> columns() {
        List<String> attributes = reads.execute(tx -> attributeRows.names());
        List<ExportColumn<ContactView>> columns = new ArrayList<>(List.of(
                ExportColumn.text("email", ContactView::email),
                ExportColumn.text("name", ContactView::name),
                ExportColumn.text("status", ContactView::status),
                ExportColumn.text("consent_source", c -> c.consent() == null ? null : c.consent().source()),
                ExportColumn.text("consent_at", c -> c.consent() == null ? null : c.consent().at().toString()),
                ExportColumn.text("time_zone", ContactView::timeZone)));
        Set<String> taken = Set.copyOf(COLUMNS);
        for (String name : attributes) {
            columns.add(ExportColumn.text(taken.contains(name) ? "attribute_" + name : name,
                    c -> c.attributes().get(name)));
        }
        return new ListExport<>("Contacts", columns);
    }

    /** The contacts a search and a status keep, in address order, a page at a time in short read-only transactions. */
    public ExportRows<ContactView> rows(String query, ContactStatus status) {
        String like = like(query);
        return writer -> {
            String after = "";
            while (after != null) {
                String from = after;
                List<Line> page = reads.execute(tx -> contacts.exportPage(from, like, status, Limit.of(PAGE))
                        .stream().map(c -> new Line(c.emailKey(), c.view())).toList());
                for (Line line : page) {
                    writer.write(line.contact());
                }
                after = page.size() < PAGE ? null : page.get(page.size() - 1).key();
            }
        };
    }

    /** A contact and its address key, where the next page starts after. */
    private record Line(String key, ContactView contact) {
    }
}
