package io.flightdeck.email.contacts;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.flightdeck.shared.InvalidInputException;

/**
 * What a contact is besides their address, checked: a name, attributes for merge fields and segments (lower-case keys
 * such as {@code city} or {@code plan}, at most 50, values up to 500 characters), and a time zone for sending at their
 * local hour.
 */
public record ContactDetails(String name, Map<String, String> attributes, String timeZone) {

    static final int MAX_ATTRIBUTES = 50;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public ContactDetails {
        name = name == null || name.isBlank() ? null : name.strip();
        if (name != null && name.length() > 200) {
            throw new InvalidInputException("name", "The name is longer than 200 characters");
        }
        attributes = checked(attributes);
        timeZone = zone(timeZone);
    }

    private static Map<String, String> checked(Map<String, String> given) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (given == null) {
            return kept;
        }
        if (given.size() > MAX_ATTRIBUTES) {
            throw new InvalidInputException("attributes", "At most " + MAX_ATTRIBUTES + " attributes per contact");
        }
        for (Map.Entry<String, String> attribute : given.entrySet()) {
            String key = attribute.getKey();
            if (key == null || !KEY.matcher(key).matches()) {
                throw new InvalidInputException("attributes", "Attribute names are lower-case letters, digits and _, "
                        + "starting with a letter, up to 40 characters: " + shortened(String.valueOf(key)));
            }
            String value = attribute.getValue();
            if (value == null) {
                continue; // a null value removes the attribute
            }
            if (value.length() > 500) {
                throw new InvalidInputException("attributes", "The value of " + key + " is longer than 500 characters");
            }
            kept.put(key, value);
        }
        return kept;
    }

    private static String zone(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(given.strip()).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "Unknown time zone " + shortened(given)
                    + "; use a name such as Europe/Lisbon");
        }
    }

    private static String shortened(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
