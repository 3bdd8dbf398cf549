package io.flightdeck.support;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.shared.links.LinkKeys;

/** Signed-link keys for tests without an application: a master key of one repeated byte, or the test profile's. */
public final class TestLinkKeys {

    /** {@code flightdeck.secrets.key} of the test profile, under which tokens made by earlier code were recorded. */
    public static final String TEST_PROFILE_KEY = "dGVzdC1vbmx5LXNlY3JldHMta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiEhISE=";

    private TestLinkKeys() {
    }

    public static MasterKey masterKey(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return masterKey(Base64.getEncoder().encodeToString(key));
    }

    public static MasterKey masterKey(String base64) {
        return new MasterKey(base64, Path.of("unused: the key is configured"));
    }

    public static LinkKeys linkKeys(int seed) {
        return LinkKeys.of(masterKey(seed), Clock.systemUTC());
    }

    public static LinkKeys linkKeys(MasterKey masterKey, Clock clock) {
        return LinkKeys.of(masterKey, clock);
    }
}
