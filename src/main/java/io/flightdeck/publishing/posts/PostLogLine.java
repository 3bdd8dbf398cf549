package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One line of a channel post's history; {@code level} is info, warn or error. */
record PostLogLine(Instant at, String level, String message) {

    /** The most lines a post keeps: the newest. */
    static final int MAX_LINES = 100;

    /** The history with this line added, the oldest dropped beyond {@link #MAX_LINES}. */
    static List<PostLogLine> appended(List<PostLogLine> log, PostLogLine line) {
        List<PostLogLine> longer = new ArrayList<>(log);
        longer.add(line);
        return longer.size() > MAX_LINES ? new ArrayList<>(longer.subList(longer.size() - MAX_LINES, longer.size()))
                : longer;
    }
}
