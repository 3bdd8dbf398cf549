package io.flightdeck.mcp.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.mcp.client.McpServerCheck.Failed;
import io.flightdeck.mcp.client.McpServerCheck.Outcome;
import io.flightdeck.mcp.client.McpServerCheck.Reached;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace's outside MCP servers as an admin manages them (the controllers check the role): list, read, add,
 * change, remove, and check one now. Every input is checked ({@link McpConnectionInput}) before anything is written.
 * A secret goes in encrypted and never comes out but to the server it belongs to.
 */
@Service
public class McpConnections {

    private final McpConnectionRepository connections;
    private final McpServerCheck servers;
    private final SecretCipher cipher;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;
    private final Clock clock;

    McpConnections(McpConnectionRepository connections, McpServerCheck servers, SecretCipher cipher,
            PlatformTransactionManager transactions, Clock clock) {
        this.connections = connections;
        this.servers = servers;
        this.cipher = cipher;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<McpConnectionView> list(Pageable page) {
        return connections.findAllBy(page).map(McpConnection::view);
    }

    @Transactional(readOnly = true)
    public McpConnectionView get(UUID id) {
        return find(id).view();
    }

    /** A new connection, untested until its first check; {@code secret} null or blank when the server wants none. */
    @Transactional
    public McpConnectionView add(String name, String url, String secret) {
        String checkedName = McpConnectionInput.name(name);
        String checkedUrl = McpConnectionInput.url(url);
        String checkedSecret = McpConnectionInput.secret(secret);
        return connections.save(new McpConnection(checkedName, checkedUrl, encrypted(checkedSecret), checkedSecret,
                CurrentActor.require().userId(), clock.instant())).view();
    }

    /**
     * A new name and address; {@code secret} null keeps the secret, blank removes it, anything else replaces it.
     * {@code expectedVersion} (from If-Match) refuses a change made against an older read.
     */
    @Transactional
    public McpConnectionView change(UUID id, String name, String url, String secret, Long expectedVersion) {
        String checkedName = McpConnectionInput.name(name);
        String checkedUrl = McpConnectionInput.url(url);
        String checkedSecret = secret == null ? null : McpConnectionInput.secret(secret);
        McpConnection connection = find(id);
        if (expectedVersion != null && expectedVersion != connection.version()) {
            throw new PreconditionFailedException(connection.version());
        }
        connection.change(checkedName, checkedUrl, clock.instant());
        if (secret != null) {
            connection.replaceSecret(encrypted(checkedSecret), checkedSecret, clock.instant());
        }
        // flushed, so the answer carries the version (the ETag) this change made
        return connections.saveAndFlush(connection).view();
    }

    @Transactional
    public void remove(UUID id) {
        connections.delete(find(id));
    }

    /**
     * Connects to the server now and records what it answered: healthy with its tools, or broken with what went wrong.
     * The outside call holds no transaction (a slow server would hold a database connection for as long as it takes):
     * the address and secret are read and that transaction ends, the call is made, and the outcome is written in a
     * short transaction of its own. A connection changed or removed meanwhile is not overwritten with a check of what
     * it was. An admin's check and the automatic one ({@link McpHealthWatch}, with no one signed in) are the same; a
     * change of health raises {@link io.flightdeck.mcp.McpConnectionHealthChanged}, and a check that found what the
     * last one did only moves its times.
     */
    public McpConnectionView check(UUID id) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An MCP server is checked outside any transaction");
        }
        UUID checkedBy = CurrentActor.find().map(Actor::userId).orElse(null);
        Target target = reading.execute(status -> {
            McpConnection connection = find(id);
            return new Target(connection.url(), connection.secret(),
                    connection.secret() == null ? null : cipher.decrypt(connection.secret()));
        });
        Outcome outcome = servers.check(target.url(), target.plainSecret());
        return writing.execute(status -> {
            McpConnection connection = find(id);
            if (!connection.url().equals(target.url()) || !Objects.equals(connection.secret(), target.secret())) {
                throw changedMeanwhile();
            }
            Instant now = clock.instant();
            if (outcome instanceof Reached reached
                    && connection.reachedAgain(reached.serverName(), reached.serverVersion(), reached.tools())) {
                return checkedAgain(connection, now, now);
            }
            if (outcome instanceof Failed failed && connection.brokenAgain(failed.error())) {
                return checkedAgain(connection, now, connection.toolsListedAt());
            }
            if (outcome instanceof Reached reached) {
                connection.reached(reached.serverName(), reached.serverVersion(), reached.tools(), checkedBy, now);
            } else if (outcome instanceof Failed failed) {
                connection.broken(failed.error(), checkedBy, now);
            }
            return connections.saveAndFlush(connection).view(); // publishes a change of health
        });
    }

    /** Only the times move (see {@link McpConnectionRepository#checkedAgain}), unless someone changed it meanwhile. */
    private McpConnectionView checkedAgain(McpConnection connection, Instant now, Instant toolsListedAt) {
        if (connections.checkedAgain(connection.getId(), connection.version(), now, toolsListedAt) == 0) {
            throw changedMeanwhile();
        }
        return find(connection.getId()).view();
    }

    /** What a check needs, read before the call: the secret both as stored (to notice a change) and in plain. */
    private record Target(String url, String secret, String plainSecret) {
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException("mcp-connection-changed", "The connection's address or secret changed while it "
                + "was being checked; check it again");
    }

    private String encrypted(String secret) {
        return secret == null ? null : cipher.encrypt(secret);
    }

    private McpConnection find(UUID id) {
        return connections.findById(id).orElseThrow(() -> new NotFoundException("MCP connection"));
    }
}
