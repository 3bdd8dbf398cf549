package io.flightdeck.assets.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.ImportSource;
import org.springframework.stereotype.Component;

/**
 * Small formatting the asset templates share: {@code ${@assetDisplay.size(a.file.sizeBytes)}}. Public only because
 * Thymeleaf's expressions call it by reflection; nothing outside the web layer uses it.
 */
@Component("assetDisplay")
class AssetDisplay {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    /** Bytes in binary units, as the upload limit counts them: 512 B, 1.4 MB, 2 GB. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value >= 100 || value == Math.floor(value) ? String.valueOf(Math.round(value))
                : new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(value);
        return number + " " + UNITS[unit];
    }

    public String number(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** A ratio (0.0283) as a percentage (2.83 %); unknown (no denominator) as a dash. */
    public String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "—";
        }
        return ratio.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /** The click-through rate from its counts; a dash without impressions. */
    public String ctr(long clicks, long impressions) {
        return impressions == 0 ? "—"
                : percent(BigDecimal.valueOf(clicks).divide(BigDecimal.valueOf(impressions), 4, RoundingMode.HALF_UP));
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        String formatted = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
        return currency == null || currency.isBlank() ? formatted : formatted + " " + currency;
    }

    public String type(AssetType type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case AD_COPY -> "Ad copy";
            case CALL_TO_ACTION -> "Call to action";
            case PERFORMANCE_DATA -> "Performance data";
            default -> words(type.name());
        };
    }

    public String platform(AdPlatform platform) {
        if (platform == null) {
            return "";
        }
        return switch (platform) {
            case GOOGLE_ADS -> "Google Ads";
            case LINKEDIN -> "LinkedIn";
            case TWITTER -> "X (Twitter)";
            case TIKTOK -> "TikTok";
            case AMAZON_ADS -> "Amazon Ads";
            case MICROSOFT_ADS -> "Microsoft Ads";
            case YOUTUBE -> "YouTube";
            default -> words(platform.name());
        };
    }

    public String source(ImportSource source) {
        if (source == null) {
            return "";
        }
        return switch (source) {
            case PLATFORM_API -> "Platform API";
            case CSV_IMPORT -> "CSV import";
            default -> words(source.name());
        };
    }

    /** A duration in milliseconds as 1:05 or 1:02:03. */
    public String duration(Long millis) {
        if (millis == null) {
            return "";
        }
        long seconds = millis / 1000;
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ENGLISH, "%d:%02d:%02d", h, m, s) : String.format(Locale.ENGLISH, "%d:%02d", m, s);
    }

    /** The type icon's name in {@code assets/fragments/icons.html}. */
    public String icon(AssetType type) {
        if (type == null) {
            return "other";
        }
        return switch (type) {
            case IMAGE -> "image";
            case VIDEO -> "video";
            case DOCUMENT -> "document";
            case PERFORMANCE_DATA -> "data";
            case OTHER -> "other";
            default -> "copy";
        };
    }

    /** MANUAL_UPLOAD → Manual upload. */
    private static String words(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
