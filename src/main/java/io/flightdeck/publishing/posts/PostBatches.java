package io.flightdeck.publishing.posts;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.posts.SocialScheduler.ScheduleCommand;
import io.flightdeck.publishing.posts.SocialScheduler.Target;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.InvalidInputException.Problem;
import io.flightdeck.shared.NotFoundException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts in bulk, all or nothing: a CSV of posts scheduled in one go, and many channel posts moved at once. Every row is
 * checked (the rows before it count for the minimum gap); when any is wrong, every problem is answered with its row
 * and nothing is written.
 */
@Service
@Transactional(rollbackFor = Exception.class)
public class PostBatches {

    static final int MAX_ROWS = 1_000;
    static final Set<String> COLUMNS = Set.of("account", "at", "text", "first_comment", "media", "title");

    private final SocialScheduler scheduler;
    private final SocialPostReader reader;
    private final ChannelAccounts accounts;
    private final jakarta.persistence.EntityManager entities;

    PostBatches(SocialScheduler scheduler, SocialPostReader reader, ChannelAccounts accounts,
            jakarta.persistence.EntityManager entities) {
        this.scheduler = scheduler;
        this.reader = reader;
        this.accounts = accounts;
        this.entities = entities;
    }

    /**
     * Each row's posts are written and then let go: a persistence context holding every row so far would be
     * dirty-checked again before each row's queries, which makes a batch quadratic.
     */
    private void release() {
        entities.flush();
        entities.clear();
    }

    /**
     * Schedules one post per row of a CSV with a header: {@code account} (the account's id or name), {@code text},
     * and optionally {@code at} (an instant such as 2026-12-01T10:30:00Z, or a local time such as 2026-12-01 10:30 in
     * the account's time zone; empty for its next best time), {@code first_comment}, {@code media} (asset ids separated
     * by spaces) and {@code title}.
     */
    public List<SocialPostView> importCsv(UUID campaignId, Reader csv) {
        List<CSVRecord> rows;
        Map<String, Integer> header;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(csv)) {
            header = parser.getHeaderMap();
            rows = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new InvalidInputException("file", "This is not a CSV file with a header row: " + e.getMessage());
        }
        if (header == null || !header.containsKey("account") || !header.containsKey("text")) {
            throw new InvalidInputException("file", "The header needs at least the columns account and text (and may "
                    + "have at, first_comment, media, title).");
        }
        List<String> unknown = header.keySet().stream().filter(c -> !COLUMNS.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("file", "Unknown columns " + unknown + "; the columns are " + COLUMNS + ".");
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "The file has no posts.");
        }
        if (rows.size() > MAX_ROWS) {
            throw new InvalidInputException("file", "At most " + MAX_ROWS + " posts in one file; this has " + rows.size()
                    + ".");
        }
        List<ChannelAccountView> live = accounts.list();
        List<Problem> problems = new ArrayList<>();
        List<SocialPostView> created = new ArrayList<>();
        for (CSVRecord row : rows) {
            String where = "row " + (row.getRecordNumber() + 1);
            try {
                ChannelAccountView account = account(live, value(row, "account"));
                Instant at = at(value(row, "at"), ZoneId.of(account.timeZone()));
                List<UUID> media = media(value(row, "media"));
                created.add(scheduler.schedule(new ScheduleCommand(campaignId, null, null, value(row, "title"),
                        List.of(new Target(account.id(), null, null, null)), at, value(row, "text"),
                        value(row, "first_comment"), media, null)));
                release();
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(new Problem(where + " " + column(p.field()), p.message())));
            } catch (ConflictException | NotFoundException e) {
                problems.add(new Problem(where, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.size() + " of " + rows.size() + " rows cannot be scheduled; "
                    + "nothing was.", problems);
        }
        return created;
    }

    /**
     * Moves channel posts by the same amount of time, or each to its next best time ({@code shift} null). A post that
     * is not there answers 404 and moves nothing.
     */
    public List<ChannelPostView> reschedule(List<UUID> channelPostIds, Duration shift) {
        if (channelPostIds == null || channelPostIds.isEmpty()) {
            throw new InvalidInputException("channelPostIds", "Choose the posts to move.");
        }
        if (channelPostIds.size() > MAX_ROWS) {
            throw new InvalidInputException("channelPostIds", "At most " + MAX_ROWS + " posts at once.");
        }
        List<ChannelPostView> current = channelPostIds.stream().map(reader::getChannelPost).toList();
        // moved from the far end first (the latest when moving later), so that posts moved by the same amount never
        // meet a neighbour still at its old time
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, current.size()).boxed().toList());
        java.util.Comparator<Integer> byTime = java.util.Comparator.comparing(i -> current.get(i).scheduledAt());
        order.sort(shift != null && shift.isNegative() ? byTime : byTime.reversed());
        List<Problem> problems = new ArrayList<>();
        ChannelPostView[] moved = new ChannelPostView[current.size()];
        for (int i : order) {
            try {
                Instant at = shift == null ? null : current.get(i).scheduledAt().plus(shift);
                moved[i] = scheduler.reschedule(channelPostIds.get(i), at, null);
                release();
            } catch (InvalidInputException | ConflictException e) {
                problems.add(new Problem("channelPostIds[" + i + "]", e.getMessage()));
            }
        }
        problems.sort(java.util.Comparator.comparing(Problem::field));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.size() + " of " + channelPostIds.size()
                    + " posts cannot be moved; none was.", problems);
        }
        return List.of(moved);
    }

    private static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String column(String field) {
        if (field.endsWith(".text") || field.equals("text")) {
            return "text";
        }
        if (field.endsWith(".firstComment")) {
            return "first_comment";
        }
        if (field.startsWith("mediaAssetIds")) {
            return "media";
        }
        if (field.endsWith(".at") || field.equals("at")) {
            return "at";
        }
        return field.startsWith("targets") ? "account" : field;
    }

    private static ChannelAccountView account(List<ChannelAccountView> live, String given) {
        if (given == null) {
            throw new InvalidInputException("account", "Name the account (its id or its name).");
        }
        List<ChannelAccountView> matches = live.stream().filter(a -> a.id().toString().equals(given)
                || a.displayName().equalsIgnoreCase(given)).toList();
        if (matches.isEmpty()) {
            throw new InvalidInputException("account", "No connected account “" + given + "”.");
        }
        if (matches.size() > 1) {
            throw new InvalidInputException("account", "Several accounts are called “" + given + "”; use its id.");
        }
        return matches.get(0);
    }

    private static Instant at(String given, ZoneId zone) {
        if (given == null) {
            return null;
        }
        try {
            return Instant.parse(given);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(given.replace(' ', 'T')).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("at", "“" + given + "” is not a time such as 2026-12-01 10:30 or "
                        + "2026-12-01T10:30:00Z.");
            }
        }
    }

    private static List<UUID> media(String given) {
        if (given == null) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (String part : given.split("[\\s;,]+")) {
            try {
                ids.add(UUID.fromString(part));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("mediaAssetIds", "“" + part + "” is not an asset id.");
            }
        }
        return ids;
    }
}
