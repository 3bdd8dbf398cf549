package io.flightdeck.ops.health;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What Actuator saw of a platform component, in the words the status page shows (never a credential). */
final class ComponentWords {

    private static final long MB = 1024 * 1024;

    private ComponentWords() {
    }

    static @Nullable String of(String key, Map<String, Object> details) {
        String error = details.get("error") instanceof String e ? " Error: " + e : "";
        String words = switch (key) {
            case "db" -> details.get("database") instanceof String db ? db : null;
            case "diskSpace" -> number(details, "free") < 0 ? null : String.format("%,d MB free of %,d MB (needs %,d MB)",
                    number(details, "free") / MB, number(details, "total") / MB, number(details, "threshold") / MB);
            case "blobStore" -> text(details, "store");
            case "search" -> "Backend " + text(details, "backend")
                    + (number(details, "indexes") < 0 ? "" : ", " + number(details, "indexes") + " indexes");
            case "mail" -> details.containsKey("server") ? "SMTP " + text(details, "server")
                    : "Outbox " + text(details, "outbox");
            case "jobs" -> jobs(details);
            case "eventPublications" -> number(details, "incomplete") + " waiting for a listener, "
                    + number(details, "stuck") + " stuck over 5 minutes";
            default -> null;
        };
        return words == null ? (error.isEmpty() ? null : error.strip()) : words + "." + error;
    }

    private static String jobs(Map<String, Object> details) {
        String counts = number(details, "due") + " due, " + number(details, "running") + " running, "
                + number(details, "failing") + " failing";
        return details.get("stalled") instanceof List<?> stalled && !stalled.isEmpty()
                ? counts + "; stalled (due for over 5 minutes, none taken): " + String.join(", ",
                        stalled.stream().map(String::valueOf).toList())
                : counts;
    }

    static long number(Map<String, Object> details, String key) {
        return details.get(key) instanceof Number n ? n.longValue() : -1;
    }

    private static String text(Map<String, Object> details, String key) {
        return String.valueOf(details.getOrDefault(key, "?"));
    }
}
