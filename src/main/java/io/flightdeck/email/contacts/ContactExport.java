package io.flightdeck.email.contacts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.csv.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workspace's contacts (or those a search and a status choose) as CSV, streamed: read a page at a time in address
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

    /** Writes the CSV to {@code out} (not closed). */
    public void write(String query, ContactStatus status, OutputStream out) throws IOException {
        String like = like(query);
        List<String> attributes = reads.execute(tx -> attributeRows.names());
        List<String> header = new ArrayList<>(COLUMNS);
        Set<String> taken = Set.copyOf(COLUMNS);
        attributes.forEach(name -> header.add(taken.contains(name) ? "attribute_" + name : name));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .get());
        String after = "";
        while (after != null) {
            String from = after;
            List<Line> page = reads.execute(tx -> contacts.exportPage(from, like, status, Limit.of(PAGE))
                    .stream().map(c -> new Line(c.emailKey(), row(c.view(), attributes))).toList());
            for (Line line : page) {
                csv.printRecord(line.cells());
            }
            after = page.size() < PAGE ? null : page.get(page.size() - 1).key();
            csv.flush();
        }
        csv.flush();
    }

    /** A contact's row and its address key, where the next page starts after. */
    private record Line(String key, List<String> cells) {
    }

    private static List<String> row(ContactView contact, List<String> attributes) {
        List<String> cells = new ArrayList<>(COLUMNS.size() + attributes.size());
        cells.add(SpreadsheetCells.text(contact.email()));
        cells.add(SpreadsheetCells.text(contact.name()));
        cells.add(contact.status().name());
        cells.add(contact.consent() == null ? null : contact.consent().source().name());
        cells.add(contact.consent() == null ? null : contact.consent().at().toString());
        cells.add(contact.timeZone());
        for (String name : attributes) {
            cells.add(SpreadsheetCells.text(contact.attributes().get(name)));
        }
        return cells;
    }
}
