package io.flightdeck.assets.storage;

import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.support.TestLinkKeys;

/** What the blob store tests store, for the local and the S3 store alike. */
final class BlobSamples {

    static final UUID WORKSPACE = UUID.fromString("0198a0b2-0000-7000-8000-000000000001");
    static final UUID OTHER = UUID.fromString("0198a0b2-0000-7000-8000-000000000002");
    /** The smallest valid PNG: signature, IHDR of a 1×1 greyscale image, IDAT, IEND. */
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010800000000"
            + "3a7e9b550000000a4944415478da63600000000200015d0bd7a50000000049454e44ae426082");

    private BlobSamples() {
    }

    /** Signed links under a fixed test key, as served by a Flightdeck at {@code http://flightdeck.test}. */
    static FileLinks links(Clock clock) {
        MasterKey key = TestLinkKeys.masterKey(0);
        return new FileLinks(TestLinkKeys.linkKeys(key, clock), key, clock, path -> "http://flightdeck.test" + path);
    }

    static FileLinks links() {
        return links(Clock.systemUTC());
    }
}
