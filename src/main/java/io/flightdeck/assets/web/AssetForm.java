package io.flightdeck.assets.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AssetDetails;
import io.flightdeck.assets.domain.AssetRights;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.campaigns.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The asset's details and rights on its page: tags as one comma-separated field, rights flattened. The platform's
 * free-form metadata and variants are not on the form; a save keeps them as they are.
 */
record AssetForm(@NotBlank(message = "Name the asset") @Size(max = 255) String name,
        @NotNull(message = "Choose a type") AssetType type, @Size(max = 200) String externalAssetId,
        @Size(max = 300) String title, @Size(max = 4000) String description, @Size(max = 10000) String adCopy,
        @Size(max = 300) String headline, @Size(max = 120) String ctaText, @Size(max = 1300) String tags,
        @Size(max = 200) String licence, @Size(max = 200) String holder, @Size(max = 300) String credit,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn, List<Channel> allowedChannels, Long version) {

    static AssetForm of(AssetView a) {
        AssetRights r = a.rights() == null ? AssetRights.none() : a.rights();
        return new AssetForm(a.name(), a.type(), a.externalAssetId(), a.title(), a.description(), a.adCopy(),
                a.headline(), a.ctaText(), String.join(", ", a.tags()), r.licence(), r.holder(), r.credit(),
                r.expiresOn(), r.allowedChannels() == null ? List.of() : List.copyOf(r.allowedChannels()), a.version());
    }

    /** The details to save: what the form holds, and the platform data the asset already has. */
    AssetDetails toDetails(AssetView current) {
        Set<String> tagSet = tags == null ? Set.of() : Arrays.stream(tags.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Channel> channels = allowedChannels == null || allowedChannels.isEmpty() ? Set.of() : EnumSet.copyOf(allowedChannels);
        return new AssetDetails(name, type, externalAssetId, title, description, adCopy, headline, ctaText, tagSet,
                current.platformMetadata(), current.platformVariants(),
                new AssetRights(licence, holder, credit, expiresOn, channels));
    }

    /** The form field a service message is about ({@code rights.licence} is {@code licence} here). */
    static String field(String serviceField) {
        if (serviceField == null) {
            return null;
        }
        return switch (serviceField) {
            case "rights.licence" -> "licence";
            case "rights.holder" -> "holder";
            case "rights.credit" -> "credit";
            case "name", "type", "externalAssetId", "title", "description", "adCopy", "headline", "ctaText", "tags" -> serviceField;
            default -> null;
        };
    }
}
