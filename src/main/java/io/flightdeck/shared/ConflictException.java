package io.flightdeck.shared;

import java.util.List;
import java.util.Map;

/** A request that clashes with the current state: an illegal transition, a duplicate. Answers 409. */
public class ConflictException extends RuntimeException {

    private final String type;
    private final Map<String, Object> properties;

    public ConflictException(String type, String detail) {
        this(type, detail, Map.of());
    }

    public ConflictException(String type, String detail, Map<String, Object> properties) {
        super(detail);
        for (String member : List.of("type", "title", "status", "detail", "instance")) {
            // RFC 9457's own members: a conflict's facts go beside them, never over them
            if (properties.containsKey(member)) {
                throw new IllegalArgumentException("A problem's extension cannot be named " + member);
            }
        }
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    /** Short problem-type slug, e.g. {@code last-owner}. */
    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
