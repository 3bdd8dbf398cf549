package io.flightdeck.shared.links;

import java.time.Clock;
import java.time.Duration;

import io.flightdeck.shared.crypto.MasterKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key ring of signed links ({@link SignedTokens}): one key per purpose and generation, each derived from the master
 * key as {@code masterKey.derive(purpose + ":v" + generation)}, so nothing new is stored and every node of a cluster
 * holds the same keys.
 * <p>
 * Rotation is two settings: new tokens are signed with generation {@code flightdeck.links.key-generation}; tokens of
 * every generation from {@code flightdeck.links.oldest-key-generation} up to it are accepted. Raise the first to
 * rotate (links already out keep working), then the second to retire the old key (links it signed stop working: for
 * tracking and unsubscribe links that means those in mail already sent, so retire only after a leak).
 */
@Component
public class LinkKeys {

    private final MasterKey masterKey;
    private final int current;
    private final int oldest;
    private final Clock clock;

    @Autowired
    LinkKeys(MasterKey masterKey, @Value("${flightdeck.links.key-generation:1}") int current,
            @Value("${flightdeck.links.oldest-key-generation:1}") int oldest, Clock clock) {
        if (current < 1 || current > 127) {
            throw new IllegalStateException("flightdeck.links.key-generation must be from 1 to 127, not " + current);
        }
        if (oldest < 1 || oldest > current) {
            throw new IllegalStateException("flightdeck.links.oldest-key-generation must be from 1 to the key "
                    + "generation (" + current + "), not " + oldest);
        }
        this.masterKey = masterKey;
        this.current = current;
        this.oldest = oldest;
        this.clock = clock;
    }

    /** Keys of generation 1 only, as an installation has them until it rotates; for tests and tools. */
    public static LinkKeys of(MasterKey masterKey, Clock clock) {
        return new LinkKeys(masterKey, 1, 1, clock);
    }

    /** Tokens of one purpose that never expire (links in mail, which people open months later). */
    public SignedTokens tokens(String purpose) {
        return new SignedTokens(this, purpose, null);
    }

    /** Tokens of one purpose that expire {@code lifetime} after they are made. */
    public SignedTokens tokens(String purpose, Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("A token's lifetime must be positive");
        }
        return new SignedTokens(this, purpose, lifetime);
    }

    /** A different key ring, as a test or a rotation needs it. */
    public LinkKeys withGenerations(int newCurrent, int newOldest) {
        return new LinkKeys(masterKey, newCurrent, newOldest, clock);
    }

    int current() {
        return current;
    }

    boolean accepts(int generation) {
        return generation >= oldest && generation <= current;
    }

    byte[] key(String purpose, int generation) {
        return masterKey.derive(purpose + ":v" + generation);
    }

    Clock clock() {
        return clock;
    }
}
