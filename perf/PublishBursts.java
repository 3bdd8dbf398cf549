import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The database side of the five networks' benchmark: the workspace's channel posts with their networks, moving some
 * to one instant (their times and their executions in one transaction, as PublishBenchmark moves them), waiting until
 * all are published, and the figures of a burst.
 */
final class PublishBursts {

    private final Connection db;

    PublishBursts(Connection db) {
        this.db = db;
    }

    /** Each channel post of the workspace as {id, network}, oldest first. */
    List<String[]> posts(String workspace) throws Exception {
        List<String[]> posts = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select c.id, a.network from channel_posts c join "
                + "channel_accounts a on a.id = c.account_id where c.tenant_id = ?::uuid order by c.created_at, c.id")) {
            q.setString(1, workspace);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    posts.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        return posts;
    }

    void move(List<String> ids, Instant at) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement post = db.prepareStatement(
                "update channel_posts set scheduled_at = ? where id = ?::uuid");
             PreparedStatement task = db.prepareStatement(
                     "update scheduled_tasks set execution_time = ? where task_name = 'channel-post' and task_instance = ?")) {
            for (String id : ids) {
                post.setTimestamp(1, Timestamp.from(at));
                post.setString(2, id);
                post.addBatch();
                task.setTimestamp(1, Timestamp.from(at));
                task.setString(2, id);
                task.addBatch();
            }
            post.executeBatch();
            task.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /** The last one's time of publication, once all are; a post that needs a person ends the run with its story. */
    Instant awaitPublished(List<String> ids, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (PreparedStatement q = db.prepareStatement("select count(*), max(published_at), count(*) filter "
                + "(where status in ('FAILED','IN_DOUBT','MISSED')) from channel_posts where status in "
                + "('PUBLISHED','FAILED','IN_DOUBT','MISSED') and id = any(?)")) {
            q.setArray(1, uuids(ids));
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(3) > 0) {
                        throw new IllegalStateException(r.getInt(3) + " posts need a person: " + statuses(ids));
                    }
                    if (r.getInt(1) == ids.size()) {
                        return r.getTimestamp(2).toInstant();
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("not all posts were published within " + timeout + ": " + statuses(ids));
    }

    String statuses(List<String> ids) throws Exception {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select a.network, c.status, count(*) from channel_posts c "
                + "join channel_accounts a on a.id = c.account_id where c.id = any(?) group by 1, 2 order by 1, 2")) {
            q.setArray(1, uuids(ids));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    lines.add(r.getString(1) + " " + r.getString(2) + " " + r.getLong(3));
                }
            }
        }
        return String.join(", ", lines);
    }

    /** Each post's attempt start minus its time: p50/p95/p99/max. */
    String lateness(List<String> ids) throws Exception {
        List<Long> micros = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select extract(epoch from (attempt_started_at - scheduled_at)) "
                + "* 1000000 from channel_posts where id = any(?)")) {
            q.setArray(1, uuids(ids));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    micros.add(r.getLong(1));
                }
            }
        }
        Collections.sort(micros);
        return String.format("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms", at(micros, 0.50), at(micros, 0.95),
                at(micros, 0.99), micros.get(micros.size() - 1) / 1000.0);
    }

    /** Per network: posts, the last published after the instant, and one attempt's length (start to published). */
    List<String> perNetwork(List<String> ids, Instant instant) throws Exception {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select a.network, count(*), "
                + "extract(epoch from max(c.published_at) - ?), "
                + "percentile_cont(0.5) within group (order by extract(epoch from c.published_at - c.attempt_started_at)), "
                + "percentile_cont(0.95) within group (order by extract(epoch from c.published_at - c.attempt_started_at)), "
                + "count(*) filter (where c.attempt > 1) from channel_posts c join channel_accounts a "
                + "on a.id = c.account_id where c.id = any(?) group by 1 order by 1")) {
            q.setTimestamp(1, Timestamp.from(instant));
            q.setArray(2, uuids(ids));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    lines.add(String.format("  %-9s %5d posts, last published %.1f s after the instant; one attempt "
                            + "(start to published) p50 %.0f ms, p95 %.0f ms; retried %d", r.getString(1), r.getLong(2),
                            r.getDouble(3), r.getDouble(4) * 1000, r.getDouble(5) * 1000, r.getLong(6)));
                }
            }
        }
        return lines;
    }

    private Array uuids(List<String> ids) throws Exception {
        return db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }
}
