package io.flightdeck.mcp.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.links.SignedTokens;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool that changes something is always previewed first. Its dry run does the change in a transaction that is
 * rolled back, so the preview is what the services themselves would do (their validation, defaults and rules), not a
 * guess beside them; it answers the thing before and after, the fields that change, and a confirmation: a signed,
 * short-lived token bound to the tool, the exact arguments, the caller and the state it was previewed against, with
 * an idempotency key inside. The real call needs that token. It is refused if anything it is bound to differs (other
 * arguments, another caller, the thing changed since), and it runs once: the change and its answer are stored together
 * under the token's idempotency key, so the same confirmation again answers the first call's result and changes
 * nothing more.
 */
final class WriteCalls {

    static final String DRY_RUN = "dryRun";
    static final String CONFIRMATION = "confirmation";
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** What a confirmation is bound to: hashes of the arguments and of the state previewed. */
    record Confirmation(String tool, String arguments, UUID user, UUID key, UUID workspace, String before,
            String idempotencyKey) {
    }

    /** A call the assistant can correct, in words it can act on. */
    static final class Refused extends RuntimeException {
        Refused(String words) {
            super(words);
        }
    }

    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final IdempotencyKeys idempotency;
    private final SignedTokens tokens;
    private final Clock clock;

    WriteCalls(JsonMapper json, TransactionTemplate transactions, IdempotencyKeys idempotency, SignedTokens tokens,
            Clock clock) {
        this.json = json;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.tokens = tokens;
        this.clock = clock;
    }

    Map<String, Object> dryRun(AssistantTool tool, Object input) {
        Actor actor = CurrentActor.require();
        return transactions.execute(status -> {
            status.setRollbackOnly();
            Map<String, Object> before = state(tool.current() == null ? null : tool.current().apply(input));
            Map<String, Object> after = state(tool.handler().apply(input));
            Instant expires = clock.instant().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS);
            Confirmation confirmation = new Confirmation(tool.name(), hash(input), actor.userId(), actor.apiKeyId(),
                    actor.workspaceId(), hash(before), UUID.randomUUID().toString());
            String token = tokens.sign(json.writeValueAsBytes(confirmation), LIFETIME);
            return outcome(true, before, after, token, expires);
        });
    }

    Map<String, Object> confirmed(AssistantTool tool, Object input, String token) {
        Actor actor = CurrentActor.require();
        Confirmation confirmation = open(token);
        if (!confirmation.tool().equals(tool.name()) || !confirmation.arguments().equals(hash(input))
                || !confirmation.user().equals(actor.userId()) || !Objects.equals(confirmation.key(), actor.apiKeyId())
                || !confirmation.workspace().equals(actor.workspaceId())) {
            throw new Refused("This confirmation was given for another call. Dry run " + tool.name() + " with these "
                    + "exact arguments (dryRun: true), then call it again with the confirmation that answers.");
        }
        ResponseEntity<?> answer = idempotency.run(confirmation.idempotencyKey(), confirmation.arguments(), () -> {
            Map<String, Object> before = state(tool.current() == null ? null : tool.current().apply(input));
            if (!hash(before).equals(confirmation.before())) {
                throw new ConflictException("changed-since-dry-run", "It changed since your dry run. Dry run "
                        + tool.name() + " again to see what the call would do now, then confirm that.");
            }
            return ResponseEntity.ok(outcome(false, before, state(tool.handler().apply(input)), null, null));
        });
        if (answer.getHeaders().containsHeader(IdempotencyKeys.REPLAYED_HEADER)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> replayed = new LinkedHashMap<>(json.readValue((String) answer.getBody(), Map.class));
            replayed.put("replayed", true);
            return replayed;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> done = (Map<String, Object>) answer.getBody();
        return done;
    }

    private Confirmation open(String token) {
        try {
            return tokens.opened(token)
                    .map(opened -> {
                        byte[] payload = new byte[opened.payload().remaining()];
                        opened.payload().get(payload);
                        return json.readValue(payload, Confirmation.class);
                    })
                    .orElseThrow(() -> new Refused("That confirmation is not one this server gave. Dry run the call "
                            + "(dryRun: true) and pass the confirmation it answers."));
        } catch (SignedTokens.Expired e) {
            throw new Refused("That confirmation expired at " + e.expiredAt() + ". Dry run the call again (dryRun: "
                    + "true) and confirm within " + LIFETIME.toMinutes() + " minutes.");
        }
    }

    private Map<String, Object> outcome(boolean dryRun, Map<String, Object> before, Map<String, Object> after,
            String token, Instant expires) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("dryRun", dryRun);
        outcome.put("before", before);
        outcome.put("after", after);
        outcome.put("changes", changes(before, after));
        outcome.put("confirmation", token);
        outcome.put("confirmationExpiresAt", expires == null ? null : expires.toString());
        outcome.put("replayed", false);
        return outcome;
    }

    /** The top-level fields whose value differs; for something new, every field it has. */
    private static List<Map<String, Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> from = before == null ? Map.of() : before;
        Set<String> fields = new LinkedHashSet<>(after == null ? Set.of() : after.keySet());
        fields.addAll(from.keySet());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String field : fields) {
            Object was = from.get(field);
            Object is = after == null ? null : after.get(field);
            if (!Objects.equals(was, is)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("field", field);
                change.put("from", was);
                change.put("to", is);
                changes.add(change);
            }
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> state(Object value) {
        return value == null ? null : json.convertValue(value, Map.class);
    }

    private String hash(Object value) {
        return Hashing.sha256Hex(value == null ? "null" : json.writeValueAsString(value));
    }
}
