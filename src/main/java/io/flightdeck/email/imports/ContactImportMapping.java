package io.flightdeck.email.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.flightdeck.shared.InputProblems;

/**
 * Which column feeds what: suggested from the header for the preview, and checked when an import starts (one email
 * column; at most one name and one time zone; attribute names valid and distinct, at most 50). Columns not named are
 * ignored.
 */
final class ContactImportMapping {

    static final int MAX_ATTRIBUTE_COLUMNS = 50;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** Columns of this module's own export that describe a contact's state rather than details to import. */
    private static final Set<String> OWN_EXPORT_STATE = Set.of("status", "consentsource", "consentat");

    private ContactImportMapping() {
    }

    /** What the header suggests: email, name and time zone by their usual names, every other column an attribute. */
    static List<ContactImportColumn> suggest(List<String> header) {
        List<ContactImportColumn> columns = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        boolean email = false;
        boolean name = false;
        boolean zone = false;
        for (int i = 0; i < header.size(); i++) {
            String plain = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (!email && (plain.equals("email") || plain.equals("emailaddress") || plain.equals("mail"))) {
                columns.add(new ContactImportColumn(i, ContactImportField.EMAIL, null));
                email = true;
            } else if (!name && (plain.equals("name") || plain.equals("fullname") || plain.equals("contactname"))) {
                columns.add(new ContactImportColumn(i, ContactImportField.NAME, null));
                name = true;
            } else if (!zone && (plain.equals("timezone") || plain.equals("tz") || plain.equals("zone"))) {
                columns.add(new ContactImportColumn(i, ContactImportField.TIME_ZONE, null));
                zone = true;
            } else {
                String key = key(header.get(i));
                boolean attribute = key != null && !OWN_EXPORT_STATE.contains(plain) && keys.size()
                        < MAX_ATTRIBUTE_COLUMNS && keys.add(key);
                columns.add(attribute ? new ContactImportColumn(i, ContactImportField.ATTRIBUTE, key)
                        : new ContactImportColumn(i, ContactImportField.IGNORE, null));
            }
        }
        return columns;
    }

    /** An attribute name made from a column's name (First Name: first_name), or null when none can be. */
    static String key(String column) {
        String key = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (key.isEmpty()) {
            return null;
        }
        if (!Character.isLetter(key.charAt(0))) {
            key = "c_" + key;
        }
        return key.length() > 40 ? key.substring(0, 40).replaceAll("_+$", "") : key;
    }

    /** The mapping checked against the file's header: every problem at once (400), or the columns to import. */
    static List<ContactImportColumn> checked(List<ContactImportColumn> mapping, List<String> header) {
        InputProblems problems = new InputProblems();
        List<ContactImportColumn> kept = new ArrayList<>();
        if (mapping == null || mapping.isEmpty()) {
            problems.add("mapping", "Map the file's columns: at least the one with the email addresses");
            problems.throwIfAny("The mapping");
        }
        Set<Integer> seen = new HashSet<>();
        Set<String> keys = new HashSet<>();
        int emails = 0;
        int names = 0;
        int zones = 0;
        for (int i = 0; i < mapping.size(); i++) {
            ContactImportColumn column = mapping.get(i);
            String at = "mapping[" + i + "]";
            if (column == null || column.field() == null) {
                problems.add(at + ".field", "Say what the column feeds: EMAIL, NAME, TIME_ZONE, ATTRIBUTE or IGNORE");
                continue;
            }
            if (column.index() < 0 || column.index() >= header.size()) {
                problems.add(at + ".index", "The file has columns 0 to " + (header.size() - 1) + ", not "
                        + column.index());
                continue;
            }
            if (!seen.add(column.index())) {
                problems.add(at + ".index", "Column " + column.index() + " is mapped twice");
                continue;
            }
            switch (column.field()) {
                case EMAIL -> emails++;
                case NAME -> names++;
                case TIME_ZONE -> zones++;
                case ATTRIBUTE -> {
                    String key = column.key() == null ? "" : column.key().strip();
                    if (!KEY.matcher(key).matches()) {
                        problems.add(at + ".key", "Attribute names are lower-case letters, digits and _, starting "
                                + "with a letter, up to 40 characters");
                        continue;
                    }
                    if (!keys.add(key)) {
                        problems.add(at + ".key", "Two columns feed the attribute " + key);
                        continue;
                    }
                    column = new ContactImportColumn(column.index(), ContactImportField.ATTRIBUTE, key);
                }
                case IGNORE -> {
                    continue;
                }
            }
            kept.add(new ContactImportColumn(column.index(), column.field(),
                    column.field() == ContactImportField.ATTRIBUTE ? column.key() : null));
        }
        if (emails != 1) {
            problems.add("mapping", emails == 0 ? "Choose the column with the email addresses"
                    : "Only one column can hold the email addresses");
        }
        if (names > 1) {
            problems.add("mapping", "Only one column can hold the name");
        }
        if (zones > 1) {
            problems.add("mapping", "Only one column can hold the time zone");
        }
        if (keys.size() > MAX_ATTRIBUTE_COLUMNS) {
            problems.add("mapping", "At most " + MAX_ATTRIBUTE_COLUMNS + " columns can be attributes");
        }
        problems.throwIfAny("The mapping");
        return kept;
    }
}
