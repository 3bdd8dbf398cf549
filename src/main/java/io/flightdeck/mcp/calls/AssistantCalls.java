package io.flightdeck.mcp.calls;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of what assistants did: the client each caller connected with, and every tool call. A call is written in
 * a transaction of its own after the call, so a call that failed or changed nothing is recorded as surely as one that
 * changed something, and a dry run's rolled-back change does not take its record with it.
 */
@Service
public class AssistantCalls {

    private static final int DETAIL = 500;

    private final AssistantCallRepository calls;
    private final JdbcClient jdbc;
    private final Clock clock;

    AssistantCalls(AssistantCallRepository calls, JdbcClient jdbc, Clock clock) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who a call is counted for: the key it was made with, or the person signed in without one. */
    public static UUID caller(Actor actor) {
        return actor.viaApiKey() ? actor.apiKeyId() : actor.userId();
    }

    /** Remembers the client the current caller initialised with, for its later calls on any node. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clientSeen(AssistantClient client) {
        UUID caller = caller(CurrentActor.require());
        String name = cut(client.name(), 200);
        String version = cut(client.version(), 100);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update assistant_clients set name = ?, version = ?, seen_at = ? where caller_id = ?")
                .params(name, version, now, caller).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into assistant_clients (caller_id, name, version, seen_at) values (?, ?, ?, ?)")
                        .params(caller, name, version, now).update();
            } catch (DuplicateKeyException raced) {
                // another node recorded the same caller's initialize at the same moment: either row will do
            }
        }
    }

    @Transactional(readOnly = true)
    public Optional<AssistantClient> client(Actor actor) {
        return jdbc.sql("select name, version from assistant_clients where caller_id = ?").param(caller(actor))
                .query((row, n) -> new AssistantClient(row.getString(1), row.getString(2))).optional();
    }

    /** Records one call of the current caller, made through {@code client} (null: unnamed); {@code detail} is what it was told when the call did not go through. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AssistantClient client, String tool, String argumentsDigest, String outcome, String detail) {
        Actor actor = CurrentActor.require();
        calls.save(new AssistantCall(actor.userId(), cut(actor.displayName(), 200), actor.apiKeyId(), client, tool, argumentsDigest, outcome,
                cut(detail, DETAIL), clock.instant()));
    }

    /** The workspace's calls, or one person's ({@code userId} not null), newest first. */
    @Transactional(readOnly = true)
    public Page<AssistantCallView> recent(UUID userId, Pageable page) {
        return (userId == null ? calls.findAllByOrderByOccurredAtDescIdDesc(page)
                : calls.findAllByUserIdOrderByOccurredAtDescIdDesc(userId, page)).map(AssistantCall::view);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
