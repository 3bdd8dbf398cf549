package io.flightdeck.email.contacts;

import java.util.Locale;
import java.util.regex.Pattern;

import io.flightdeck.shared.InvalidInputException;

/**
 * An address as a person typed it, checked and normalised: surrounding space removed, the domain lower-cased for
 * display, and the whole address lower-cased as the key that makes one contact per address. The local part's case is
 * kept for display: a few servers honour it, and the person typed it so.
 */
public record EmailAddress(String display, String key) {

    /** RFC 5321's limits: 64 for the local part, 254 for the whole path; a dot-atom local part and a host name. */
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
                    + "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public static EmailAddress of(String typed) {
        return of("email", typed);
    }

    /** The same, naming the field a refusal points at (a CSV column, a form field). */
    public static EmailAddress of(String field, String typed) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException(field, "Give an email address");
        }
        int at = value.lastIndexOf('@');
        if (value.length() > 254 || at > 64 || !SHAPE.matcher(value).matches()) {
            throw new InvalidInputException(field, "Not an email address: "
                    + (value.length() > 80 ? value.substring(0, 80) + "…" : value));
        }
        String display = value.substring(0, at + 1) + value.substring(at + 1).toLowerCase(Locale.ROOT);
        return new EmailAddress(display, value.toLowerCase(Locale.ROOT));
    }
}
