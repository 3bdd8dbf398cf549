package io.flightdeck.assets.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.storage.SignedUrlProperties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link AssetDirectory}: assets as cards for other modules, and the text of documents for repurposing. */
@Service
@Transactional(readOnly = true)
class AssetCards implements AssetDirectory {

    /** The most bytes read from a text file or a PDF: a long article is far smaller; a huge file is not text to repurpose. */
    static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
    private static final int MAX_PDF_PAGES = 200;

    private final AssetRepository assets;
    private final AssetLookup lookup;
    private final BlobStore store;
    private final SignedUrlProperties signedUrls;

    AssetCards(AssetRepository assets, AssetLookup lookup, BlobStore store, SignedUrlProperties signedUrls) {
        this.assets = assets;
        this.lookup = lookup;
        this.store = store;
        this.signedUrls = signedUrls;
    }

    @Override
    public Map<UUID, String> signedPictures(Collection<UUID> ids) {
        Map<UUID, String> urls = new HashMap<>();
        if (ids.isEmpty()) {
            return urls;
        }
        for (Asset asset : assets.findAllWithContent(List.copyOf(ids))) {
            AssetContent content = asset.getContent();
            String rendition = content == null ? null : content.renditionKey("thumb-large") != null ? "thumb-large"
                    : content.renditionKey("poster") != null ? "poster" : null;
            if (rendition != null) {
                AssetFile file = content.file(asset.getName(), rendition);
                urls.put(asset.getId(), store.signedUrl(file.key(), file.downloadName(), file.mimeType(),
                        signedUrls.signedUrlTtl()).toString());
            }
        }
        return urls;
    }

    @Override
    public Map<UUID, io.flightdeck.assets.AssetMedia> media(Collection<UUID> ids) {
        Map<UUID, io.flightdeck.assets.AssetMedia> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Asset asset : assets.findAllWithContent(List.copyOf(ids))) {
            AssetContent content = asset.getContent();
            if (content == null) {
                continue;
            }
            AssetFileView f = content.view();
            found.put(asset.getId(), new io.flightdeck.assets.AssetMedia(asset.getId(), asset.getName(), f.mimeType(),
                    f.sizeBytes(), f.width(), f.height(), f.durationMs(), f.codec(),
                    f.frameRate() == null ? null : f.frameRate().doubleValue(), content.getHasAudio(),
                    signedOriginal(asset, content)));
        }
        return found;
    }

    /** Null when no address can be made here: a job on an installation without flightdeck.base-url. */
    private String signedOriginal(Asset asset, AssetContent content) {
        AssetFile file = content.file(asset.getName(), null);
        try {
            return store.signedUrl(file.key(), file.downloadName(), file.mimeType(), signedUrls.signedUrlTtl())
                    .toString();
        } catch (IllegalStateException noAddress) {
            return null;
        }
    }

    @Override
    public Map<UUID, AssetCard> find(Collection<UUID> ids) {
        Map<UUID, AssetCard> found = new HashMap<>();
        if (!ids.isEmpty()) {
            assets.findAllWithContent(List.copyOf(ids)).forEach(a -> found.put(a.getId(), card(a)));
        }
        return found;
    }

    @Override
    public Map<UUID, io.flightdeck.assets.AssetUsage> usage(Collection<UUID> ids) {
        Map<UUID, io.flightdeck.assets.AssetUsage> found = new HashMap<>();
        if (!ids.isEmpty()) {
            assets.findAllWithContent(List.copyOf(ids)).forEach(a -> {
                AssetRights rights = a.rights();
                found.put(a.getId(), new io.flightdeck.assets.AssetUsage(a.getId(), a.getName(), rights.expiresOn(),
                        rights.allowedChannels() == null ? java.util.Set.of() : java.util.Set.copyOf(rights.allowedChannels()),
                        a.isArchived()));
            });
        }
        return found;
    }

    @Override
    public List<AssetCard> newest(io.flightdeck.assets.AssetType type, int limit) {
        AssetFilter filter = new AssetFilter(false, java.util.Set.of(type), java.util.Set.of(), null, null, null, null);
        return lookup.list(filter, org.springframework.data.domain.PageRequest.of(0, limit,
                org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("createdAt"),
                        org.springframework.data.domain.Sort.Order.desc("id"))))
                .map(v -> new AssetCard(v.id(), v.name(), v.type(), v.file() == null ? null : v.file().mimeType(), false,
                        v.file() != null && v.file().hasLargeThumbnail(), v.file() != null && v.file().hasPoster(),
                        v.file() == null ? null : v.file().width(), v.file() == null ? null : v.file().height()))
                .getContent();
    }

    @Override
    public Optional<String> documentText(UUID id, int maxChars) {
        Asset asset = assets.findById(id).orElseThrow(() -> new io.flightdeck.shared.NotFoundException("Asset"));
        AssetContent content = asset.getContent();
        if (content == null) {
            AssetView v = asset.view();
            String copy = Stream.of(v.headline(), v.adCopy(), v.description(), v.ctaText())
                    .filter(s -> s != null && !s.isBlank()).reduce((a, b) -> a + "\n\n" + b).orElse("");
            return nonEmpty(copy, maxChars);
        }
        String mime = content.getMimeType();
        if (content.getSizeBytes() > MAX_DOCUMENT_BYTES) {
            return Optional.empty();
        }
        try {
            if (mime.startsWith("text/")) {
                try (InputStream in = store.open(content.getBlobKey())) {
                    return nonEmpty(new String(in.readNBytes((int) MAX_DOCUMENT_BYTES), StandardCharsets.UTF_8), maxChars);
                }
            }
            if (mime.equals("application/pdf")) {
                return nonEmpty(pdfText(content.getBlobKey()), maxChars);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String pdfText(String key) throws IOException {
        try (InputStream in = store.open(key);
                PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(in),
                        IOUtils.createTempFileOnlyStreamCache())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(Math.min(document.getNumberOfPages(), MAX_PDF_PAGES));
            return stripper.getText(document);
        } catch (InvalidPasswordException e) {
            return "";
        }
    }

    /** Paragraphs kept (a blank line between), other runs of whitespace made one space. */
    static Optional<String> nonEmpty(String text, int maxChars) {
        String tidy = text.replace("\r\n", "\n").replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll(" ?\n ?", "\n")
                .replaceAll("\n{3,}", "\n\n").strip();
        if (tidy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tidy.length() > maxChars ? tidy.substring(0, maxChars) : tidy);
    }

    private static AssetCard card(Asset a) {
        AssetFileView f = a.getContent() == null ? null : a.getContent().view();
        if (f == null) {
            return new AssetCard(a.getId(), a.getName(), a.getType(), null, a.isArchived(), false, false, null, null);
        }
        return new AssetCard(a.getId(), a.getName(), a.getType(), f.mimeType(), a.isArchived(), f.hasLargeThumbnail(),
                f.hasPoster(), f.width(), f.height());
    }
}
