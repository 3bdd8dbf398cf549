package io.flightdeck.email.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.email.contacts.ContactBatches;
import io.flightdeck.email.contacts.ContactDetails;
import io.flightdeck.email.contacts.EmailAddress;
import io.flightdeck.shared.InvalidInputException;

/**
 * Reads one row through the mapping: the address checked and normalised, the name, time zone and attributes checked
 * cell by cell, so the error report names each column at fault. An empty cell is no value (an update keeps what is
 * there). Writes nothing.
 */
final class ContactRowCheck {

    /** A row read: the contact to write, or the row's errors. */
    record Checked(ContactBatches.Row row, List<ContactImportRowError> errors) {

        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final List<String> header;
    private final List<ContactImportColumn> mapping;

    ContactRowCheck(List<String> header, List<ContactImportColumn> mapping) {
        this.header = header;
        this.mapping = mapping;
    }

    Checked check(ContactCsvFile.Row source) {
        List<ContactImportRowError> errors = new ArrayList<>();
        EmailAddress address = null;
        String name = null;
        String zone = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String cell : source.cells()) {
            if (cell.indexOf(ContactCsvFile.NOT_UTF8) >= 0) {
                return new Checked(null, List.of(new ContactImportRowError(source.row(), null, "The row is not UTF-8 "
                        + "text; save the file as CSV UTF-8")));
            }
        }
        for (ContactImportColumn column : mapping) {
            String value = cell(source, column.index());
            String named = header.get(column.index());
            try {
                switch (column.field()) {
                    case EMAIL -> address = EmailAddress.of(named, value);
                    case NAME -> name = value == null ? null : new ContactDetails(value, null, null).name();
                    case TIME_ZONE -> zone = value == null ? null : new ContactDetails(null, null, value).timeZone();
                    case ATTRIBUTE -> {
                        if (value != null && value.length() > 500) {
                            throw new InvalidInputException(named, "The value is longer than 500 characters (the "
                                    + "attribute " + column.key() + " takes up to 500)");
                        }
                        if (value != null) {
                            attributes.put(column.key(), value);
                        }
                    }
                    case IGNORE -> {
                    }
                }
            } catch (InvalidInputException e) {
                errors.add(new ContactImportRowError(source.row(), named, e.getMessage()));
            }
        }
        return errors.isEmpty() ? new Checked(new ContactBatches.Row(address, name, zone, attributes), List.of())
                : new Checked(null, errors);
    }

    /** The cell, stripped; null when empty or when the row ends before it. */
    private static String cell(ContactCsvFile.Row source, int index) {
        if (index >= source.cells().length) {
            return null;
        }
        String value = source.cells()[index].strip();
        return value.isEmpty() ? null : value;
    }
}
