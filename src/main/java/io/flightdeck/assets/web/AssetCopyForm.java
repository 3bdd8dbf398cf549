package io.flightdeck.assets.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AssetDetails;
import io.flightdeck.assets.domain.AssetRights;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.validation.Errors;

/**
 * "New copy" on the library and a space's page: a copy type, a name, one text box and tags. The text is the
 * headline, ad copy, description or call to action, whichever the type is, so the form needs no script to show the
 * right field; its limit is that field's.
 */
record AssetCopyForm(@NotNull(message = "Choose a type") AssetType type,
        @NotBlank(message = "Give the copy a name") @Size(max = 255) String name,
        String text, @Size(max = 1300) String tags) {

    static final java.util.List<AssetType> TYPES = java.util.List.of(AssetType.HEADLINE, AssetType.AD_COPY,
            AssetType.DESCRIPTION, AssetType.CALL_TO_ACTION);

    static AssetCopyForm empty() {
        return new AssetCopyForm(AssetType.HEADLINE, "", "", "");
    }

    /** The length the type's own field allows (AssetRequest's limits). */
    static int limit(AssetType type) {
        return switch (type) {
            case HEADLINE -> 300;
            case CALL_TO_ACTION -> 120;
            case DESCRIPTION -> 4000;
            default -> 10000;
        };
    }

    /** Checks what the annotations cannot: a copy type, and text within that type's limit. */
    void check(Errors errors) {
        if (type != null && !TYPES.contains(type)) {
            errors.rejectValue("type", "copy", "Copy is a headline, ad copy, a description or a call to action");
        }
        if (text == null || text.isBlank()) {
            errors.rejectValue("text", "required", "Write the text");
        } else if (type != null && TYPES.contains(type) && text.strip().length() > limit(type)) {
            errors.rejectValue("text", "size", "At most " + limit(type) + " characters for this type");
        }
    }

    AssetDetails toDetails() {
        String t = text.strip();
        Set<String> tagSet = tags == null ? Set.of() : Arrays.stream(tags.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        return new AssetDetails(name, type, null, null,
                type == AssetType.DESCRIPTION ? t : null,
                type == AssetType.AD_COPY ? t : null,
                type == AssetType.HEADLINE ? t : null,
                type == AssetType.CALL_TO_ACTION ? t : null,
                tagSet, Map.of(), Map.of(), AssetRights.none());
    }

    /** The form field a service message is about. */
    static String field(String serviceField) {
        if (serviceField == null) {
            return null;
        }
        return switch (serviceField) {
            case "name", "type", "tags" -> serviceField;
            case "description", "adCopy", "headline", "ctaText" -> "text";
            default -> null;
        };
    }
}
