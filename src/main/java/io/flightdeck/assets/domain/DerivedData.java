package io.flightdeck.assets.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.media.MediaFacts;
import io.flightdeck.assets.media.MediaInspector;
import io.flightdeck.assets.media.Rendition;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The derived-data job's work for one content: read the stored file into a temporary copy (the media libraries want a
 * seekable file), measure it (dimensions, duration, codec, pages, perceptual hash), store its thumbnails and poster as
 * blobs of their own, then record the facts and the near-duplicate pairs in one short transaction. Runs inside the
 * content's workspace scope and outside any transaction: measuring a large video must not hold a connection.
 */
@Service
public class DerivedData {

    private static final Logger log = LoggerFactory.getLogger(DerivedData.class);

    private final AssetContentRepository contents;
    private final NearDuplicates nearDuplicates;
    private final BlobStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DerivedData(AssetContentRepository contents, NearDuplicates nearDuplicates, BlobStore store,
            TransactionTemplate transactions, Clock clock) {
        this.contents = contents;
        this.nearDuplicates = nearDuplicates;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Measures the content; a content deleted meanwhile is nothing to do. Safe to run twice: it measures again. */
    public void measure(UUID contentId) throws IOException {
        Optional<AssetContent> found = transactions.execute(tx -> contents.findById(contentId));
        if (found == null || found.isEmpty()) {
            return;
        }
        AssetContent content = found.get();
        MeasuredMedia measured = inspects(content.getMimeType()) ? inspect(content)
                : MeasuredMedia.nothing("Nothing to measure in a " + content.getMimeType() + " file");
        // a content deleted for good while it was measured is simply gone; its renditions' blobs were stored for nothing
        transactions.executeWithoutResult(tx -> contents.lockById(contentId).ifPresent(row -> {
            row.measured(measured, clock.instant());
            contents.flush();
            nearDuplicates.record(row);
        }));
    }

    private static boolean inspects(String mimeType) {
        return mimeType.startsWith("image/") || mimeType.startsWith("video/") || mimeType.equals("application/pdf");
    }

    private MeasuredMedia inspect(AssetContent content) throws IOException {
        Path copy = Files.createTempFile("measure-", ".bin");
        try {
            try (InputStream in = store.open(content.getBlobKey())) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            MediaFacts facts = MediaInspector.inspect(copy, content.getMimeType());
            if (!facts.readable()) {
                log.info("Content {} ({}) could not be measured: {}", content.getId(), content.getMimeType(),
                        facts.unreadableReason());
            }
            return new MeasuredMedia(facts.width(), facts.height(), facts.durationMillis(), facts.codec(),
                    facts.frameRate(), facts.pageCount(), facts.perceptualHash(), stored(facts, Rendition.THUMB_SMALL),
                    stored(facts, Rendition.THUMB_LARGE),
                    facts.rendition(Rendition.THUMB_SMALL).map(Rendition::mimeType).orElse(null),
                    stored(facts, Rendition.POSTER), facts.unreadableReason(), false, facts.audio());
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** A rendition's bytes, stored content-addressed like any upload; its key, or null when it was not made. */
    private String stored(MediaFacts facts, String name) throws IOException {
        Optional<Rendition> rendition = facts.rendition(name);
        if (rendition.isEmpty()) {
            return null;
        }
        return store.put(TenantScope.current(), new ByteArrayInputStream(rendition.get().bytes()), Long.MAX_VALUE).key();
    }
}
