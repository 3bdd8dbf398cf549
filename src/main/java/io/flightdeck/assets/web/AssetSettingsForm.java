package io.flightdeck.assets.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.flightdeck.assets.domain.AssetSettingsView;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The asset settings on their page: the upload limit as an amount and a unit (MB or GB, binary as the configuration's
 * {@code 2GB} is), and the near-duplicate threshold.
 */
record AssetSettingsForm(
        @NotNull(message = "Enter the largest file size") @DecimalMin(value = "0.001", message = "must be more than 0") BigDecimal maxUploadAmount,
        String maxUploadUnit,
        @NotNull(message = "Enter a number from 0 to 20") @Min(value = 0, message = "must be from 0 to 20") @Max(value = 20, message = "must be from 0 to 20") Integer similarityThreshold,
        Long version) {

    static final long MB = 1024L * 1024;
    static final long GB = 1024L * MB;

    static AssetSettingsForm of(AssetSettingsView view) {
        long bytes = view.maxUploadBytes();
        boolean inGb = bytes >= GB && bytes * 10 % GB == 0; // whole tenths of a GB read best in GB
        BigDecimal amount = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(inGb ? GB : MB), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return new AssetSettingsForm(amount.scale() < 0 ? amount.setScale(0) : amount, inGb ? "GB" : "MB",
                view.similarityThreshold(), view.version());
    }

    long maxUploadBytes() {
        long unit = "GB".equals(maxUploadUnit) ? GB : MB;
        return maxUploadAmount.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
