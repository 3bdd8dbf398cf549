package io.flightdeck.rendering.jobs;

import java.time.Instant;
import java.util.List;

import io.flightdeck.shared.Text;

/** One line of a job's log; {@code level} is info, warn, error, or provider for what the provider logged. */
record RenderJobLogLine(Instant at, String level, String message) {

    /** The most lines a job keeps: the newest. */
    static final int MAX_LINES = 200;
    static final int MAX_MESSAGE = 1000;

    /** Adds a line (cut to its longest) to a job's log, dropping the oldest beyond {@link #MAX_LINES}. */
    static void append(List<RenderJobLogLine> log, String level, String message, Instant at) {
        log.add(new RenderJobLogLine(at, level, cut(message)));
        if (log.size() > MAX_LINES) {
            log.subList(0, log.size() - MAX_LINES).clear();
        }
    }

    /** Adds a line unless the log has it already: a provider sends its whole log again on every poll. */
    static void appendOnce(List<RenderJobLogLine> log, String level, String message, Instant at) {
        String cut = cut(message);
        if (log.stream().noneMatch(line -> level.equals(line.level()) && line.message().equals(cut))) {
            append(log, level, cut, at);
        }
    }

    private static String cut(String message) {
        return Text.cut(message, MAX_MESSAGE);
    }
}
