package io.flightdeck.shared.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The common part of every searchable entity's document.
 *
 * @param type      the kind, as the search API names it ({@code campaign}, {@code task}, ...)
 * @param title     what the result is called; scored above the text
 * @param text      the rest of its words (description, body, copy)
 * @param status    its status, as its own module spells it
 * @param owner     the member it belongs to (owner, assignee, author), or null
 * @param tags      its tags
 * @param channels  its channels or platforms
 * @param date      the date that matters most for it (start, due, scheduled, written), or null
 * @param campaign  the campaign it belongs to, or null
 * @param link      the page that opens it
 * @param hidden    deleted or archived: kept in the index but never found
 * @param privateTo the one member who may find it (a private template), or null for every member
 */
public record SearchDocument(String type, String title, String text, String status, UUID owner,
        Collection<String> tags, Collection<String> channels, Instant date, UUID campaign, String link, boolean hidden,
        UUID privateTo) {

    public SearchDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** What every member may find. */
    public SearchDocument(String type, String title, String text, String status, UUID owner, Collection<String> tags,
            Collection<String> channels, Instant date, UUID campaign, String link, boolean hidden) {
        this(type, title, text, status, owner, tags, channels, date, campaign, link, hidden, null);
    }

    /** Start of that day in UTC, for entities whose date is a day. */
    public static Instant day(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Words joined with blank lines, nulls left out. */
    public static String words(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(part);
            }
        }
        return text.toString();
    }
}
