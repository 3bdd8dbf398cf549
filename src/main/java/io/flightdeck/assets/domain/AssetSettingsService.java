package io.flightdeck.assets.domain;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The workspace's upload limit and near-duplicate threshold. Defaults come from configuration
 * ({@code flightdeck.assets.max-upload-size}, {@code flightdeck.assets.similarity-threshold}) until an admin changes them.
 */
@Service
public class AssetSettingsService {

    /** The limit an admin may set: far beyond any campaign file, below what one PUT to S3 accepts (5 GiB). */
    static final long MAX_UPLOAD_CEILING = 5L * 1024 * 1024 * 1024;
    static final int MAX_THRESHOLD = 20;

    private final AssetSettingsRepository settings;
    private final long defaultMaxUploadBytes;
    private final int defaultThreshold;

    AssetSettingsService(AssetSettingsRepository settings,
            @Value("${flightdeck.assets.max-upload-size:2GB}") DataSize defaultMaxUpload,
            @Value("${flightdeck.assets.similarity-threshold:8}") int defaultThreshold) {
        this.settings = settings;
        this.defaultMaxUploadBytes = Math.min(defaultMaxUpload.toBytes(), MAX_UPLOAD_CEILING);
        this.defaultThreshold = defaultThreshold;
    }

    @Transactional(readOnly = true)
    public AssetSettingsView current() {
        return settings.current().map(AssetSettings::view)
                .orElseGet(() -> new AssetSettingsView(defaultMaxUploadBytes, defaultThreshold, 0));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public AssetSettingsView change(long maxUploadBytes, int similarityThreshold, Long expectedVersion) {
        if (maxUploadBytes < 1024 || maxUploadBytes > MAX_UPLOAD_CEILING) {
            throw new InvalidInputException("maxUploadBytes", "must be between 1 KiB and 5 GiB");
        }
        if (similarityThreshold < 0 || similarityThreshold > MAX_THRESHOLD) {
            throw new InvalidInputException("similarityThreshold", "must be between 0 and " + MAX_THRESHOLD);
        }
        AssetSettings row = settings.current().orElse(null);
        long current = row == null ? 0 : row.view().version();
        if (expectedVersion != null && expectedVersion != current) {
            throw new PreconditionFailedException(current);
        }
        if (row == null) {
            row = new AssetSettings(maxUploadBytes, similarityThreshold);
        } else {
            row.change(maxUploadBytes, similarityThreshold);
        }
        try {
            return settings.saveAndFlush(row).view();
        } catch (DataIntegrityViolationException e) {
            // two first saves at once: the other one made the row, so this one's version no longer holds
            throw new PreconditionFailedException(0);
        }
    }
}
