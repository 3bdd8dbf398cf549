package io.flightdeck.shared.idempotency;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for POSTs that create. The first request with a key runs and its response is stored in the
 * same transaction; a retry with the same key and body gets the stored response again (marked
 * {@code Idempotent-Replayed: true}); the same key with a different body is a 422. Keys are scoped to the workspace
 * and the actor and kept for at least 24 hours: the workspace's retention says how long (at least a day), and the
 * daily purge removes them after ({@link IdempotencyKeyRetention}). Stored answers are encrypted.
 *
 * <pre>
 * return idempotencyKeys.run(key, request, () -&gt; ResponseEntity.created(uri).body(created));
 * </pre>
 */
@Component
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final SecretCipher cipher;

    IdempotencyKeys(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public ResponseEntity<?> run(String key, Object request, Supplier<ResponseEntity<?>> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw new InvalidInputException(HEADER, "must be 1 to 255 characters");
        }
        Actor actor = CurrentActor.require();
        String requestHash = Hashing.sha256Hex(json.writeValueAsString(request));
        Optional<StoredResponse> stored = find(actor, key);
        if (stored.isPresent()) {
            return replay(stored.get(), requestHash);
        }
        try {
            return transactions.execute(status -> {
                jdbc.sql("""
                        insert into idempotency_keys (tenant_id, actor_id, idempotency_key, request_hash, created_at)
                        values (:tenant, :actor, :key, :hash, :now)""")
                        .param("tenant", actor.workspaceId()).param("actor", actorId(actor)).param("key", key)
                        .param("hash", requestHash).param("now", java.sql.Timestamp.from(clock.instant()))
                        .update();
                ResponseEntity<?> response = create.get();
                URI location = response.getHeaders().getLocation();
                jdbc.sql("""
                        update idempotency_keys set response_status = :status, response_body = :body, location = :location,
                            etag = :etag
                        where tenant_id = :tenant and actor_id = :actor and idempotency_key = :key""")
                        .param("status", response.getStatusCode().value())
                        // Encrypted: a create's answer may carry a secret shown once (an API key, an invitation link).
                        .param("body", response.getBody() == null ? null : cipher.encrypt(json.writeValueAsString(response.getBody())))
                        .param("location", location == null ? null : location.toString())
                        .param("etag", response.getHeaders().getETag())
                        .param("tenant", actor.workspaceId()).param("actor", actorId(actor)).param("key", key)
                        .update();
                return response;
            });
        } catch (DuplicateKeyException raced) {
            // Another request with this key committed first; answer as it did.
            return find(actor, key).map(s -> replay(s, requestHash)).orElseThrow(() -> raced);
        }
    }

    private Optional<StoredResponse> find(Actor actor, String key) {
        return jdbc.sql("""
                select request_hash, response_status, response_body, location, etag from idempotency_keys
                where tenant_id = :tenant and actor_id = :actor and idempotency_key = :key""")
                .param("tenant", actor.workspaceId()).param("actor", actorId(actor)).param("key", key)
                .query((rs, row) -> new StoredResponse(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    private ResponseEntity<?> replay(StoredResponse stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        if (stored.status() == null) {
            throw new ConflictException("idempotency-in-progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            builder.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            builder.header(HttpHeaders.ETAG, stored.etag());
        }
        return stored.body() == null ? builder.build() : builder.contentType(MediaType.APPLICATION_JSON).body(cipher.decrypt(stored.body()));
    }

    /** API keys act separately from their owner's own session, so they get their own key space. */
    private static UUID actorId(Actor actor) {
        return actor.apiKeyId() != null ? actor.apiKeyId() : actor.userId();
    }

    private record StoredResponse(String requestHash, Integer status, String body, String location, String etag) {
    }

    /** The same key sent with a different request: a client bug, answered 422. */
    public static class IdempotencyKeyReusedException extends RuntimeException {
        IdempotencyKeyReusedException() {
            super("This Idempotency-Key was already used with a different request body; use a new key for a new request");
        }
    }
}
