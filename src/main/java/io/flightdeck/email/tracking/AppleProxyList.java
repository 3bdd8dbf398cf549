package io.flightdeck.email.tracking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This installation's copy of Apple's egress list (see {@link ClassifierSettings}), behind the classifier every open
 * goes through. A job ({@link AppleProxyListJobs}) fetches, once a day, the list from
 * {@code flightdeck.email.tracking.apple-proxy-list-url} through the outbound kit, checks it
 * ({@link AppleEgressCsv}) and keeps it, gzipped, in {@code email_proxy_lists}; every node picks up a newer copy from
 * there within a minute of its next open. A fetch that fails, or brings something that is not the list, leaves the
 * last good copy in use and is kept beside it for a person to see. With no address set, or before the first good
 * fetch, the built-in ranges apply: Apple's user agent is recognised either way.
 */
@Component
public class AppleProxyList {

    private static final Logger LOG = LoggerFactory.getLogger(AppleProxyList.class);
    /** How often a node looks whether another fetched a newer copy: one indexed read a minute, at the next open. */
    private static final Duration RELOOK = Duration.ofMinutes(1);
    /** How old a copy may get: Apple asks that the list be fetched again often, and it changes as relays are added. */
    static final Duration EVERY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final URI source;
    private final OutboundClient apple;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Loaded loaded = new Loaded(null, new EngagementClassifier());
    private volatile Instant lookedAt = Instant.MIN;

    AppleProxyList(JdbcClient jdbc, Clock clock,
            @Value("${flightdeck.email.tracking.apple-proxy-list-url:}") String source) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.source = source == null || source.isBlank() ? null : URI.create(source.strip());
        // the list is about 12 MB: the read timeout runs to the first byte, the download one to the last
        this.apple = OutboundClient.to("Apple's egress list").readTimeout(Duration.ofSeconds(30))
                .downloadTimeout(Duration.ofMinutes(5)).followRedirects().build();
    }

    /** The classifier with the newest copy of the list this node has seen. */
    public EngagementClassifier classifier() {
        Instant now = clock.instant();
        // one thread looks (and loads, about a second for the whole list) while the others go on with the copy they have
        if (Duration.between(lookedAt, now).compareTo(RELOOK) >= 0 && loading.tryLock()) {
            try {
                lookedAt = now;
                Instant fetchedAt = jdbc.sql("select fetched_at from email_proxy_lists where name = 'apple'")
                        .query((rs, n) -> instant(rs.getTimestamp("fetched_at"))).optional().orElse(null);
                if (fetchedAt != null && !fetchedAt.equals(loaded.fetchedAt())) {
                    loaded = load(fetchedAt);
                }
            } finally {
                loading.unlock();
            }
        }
        return loaded.classifier();
    }

    /** Where the list stands, for the settings page and its API. */
    public AppleProxyListStatus status() {
        return jdbc.sql("select source, range_count, fetched_at, attempted_at, error from email_proxy_lists "
                + "where name = 'apple'")
                .query((rs, n) -> new AppleProxyListStatus(source == null ? null : source.toString(),
                        rs.getString("source"), rs.getInt("range_count"), instant(rs.getTimestamp("fetched_at")),
                        instant(rs.getTimestamp("attempted_at")), rs.getString("error"),
                        ClassifierSettings.DEFAULT_APPLE_PROXY_RANGES.size()))
                .single();
    }

    /**
     * The hourly job's work: fetches the list when the copy in use is a day old, or there is none yet (so a failed
     * fetch is tried again the next hour, not the next day).
     */
    void refreshIfDue() {
        if (source == null) {
            return;
        }
        Instant fetchedAt = jdbc.sql("select fetched_at from email_proxy_lists where name = 'apple'")
                .query((rs, n) -> instant(rs.getTimestamp("fetched_at"))).optional().orElse(null);
        // a few minutes' grace, so that the run a day later is not skipped for being a moment early
        if (fetchedAt == null || fetchedAt.isBefore(clock.instant().minus(EVERY).plusSeconds(300))) {
            refresh();
        }
    }

    /** Fetches the list and keeps it if it is one. Nothing to do with no address set. */
    public void refresh() {
        if (source == null) {
            return;
        }
        // to the millisecond, as the database keeps it, so this node does not take its own copy for a newer one
        Instant attempted = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> ranges;
        try (InputStream body = apple.download(source, headers -> { })) {
            ranges = AppleEgressCsv.read(body);
        } catch (OutboundException | AppleEgressCsv.NotTheList e) {
            failed(attempted, e.getMessage());
            return;
        } catch (IOException e) {
            failed(attempted, "The list broke off while it was read: " + e.getMessage());
            return;
        }
        EngagementClassifier classifier = classifierOf(ranges);
        jdbc.sql("update email_proxy_lists set source = :source, ranges = :ranges, range_count = :count, "
                + "fetched_at = :at, attempted_at = :at, error = null where name = 'apple'")
                .param("source", source.toString()).param("ranges", gzip(ranges)).param("count", ranges.size())
                .param("at", Timestamp.from(attempted)).update();
        loaded = new Loaded(attempted, classifier);
        LOG.info("Apple's egress list fetched from {}: {} ranges", source, ranges.size());
    }

    private void failed(Instant attempted, String error) {
        String text = error == null ? "No reason given" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("update email_proxy_lists set attempted_at = :at, error = :error where name = 'apple'")
                .param("at", Timestamp.from(attempted)).param("error", text).update();
        LOG.warn("Apple's egress list was not fetched from {} (the last good copy stays in use): {}", source, text);
    }

    private Loaded load(Instant fetchedAt) {
        byte[] zipped = jdbc.sql("select ranges from email_proxy_lists where name = 'apple'")
                .query((rs, n) -> rs.getBytes("ranges")).single();
        return new Loaded(fetchedAt, classifierOf(gunzip(zipped)));
    }

    private static EngagementClassifier classifierOf(List<String> ranges) {
        return new EngagementClassifier(ClassifierSettings.defaults().withAppleProxyRanges(ranges));
    }

    private static byte[] gzip(List<String> ranges) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(String.join("\n", ranges).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> gunzip(byte[] zipped) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private record Loaded(Instant fetchedAt, EngagementClassifier classifier) {
    }
}
