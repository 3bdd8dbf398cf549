package io.flightdeck.guidance.recommendations;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An object a recommendation is about or cites, as a person finds it: its type, its id, the name it goes by and the
 * path of its page in Flightdeck. The id is text because some objects are named rather than numbered (a campaign's
 * channel is identified by the channel's name).
 *
 * @param type a short slug such as {@code creative} or {@code email-campaign}; with {@code id} it keys reactions
 * @param id   the object's id within its type
 * @param name what people call it
 * @param link the path of its page, starting with a slash
 */
record ObjectRef(@Schema(example = "channel") String type, @Schema(example = "FACEBOOK") String id,
        @Schema(example = "Facebook") String name,
        @Schema(example = "/analytics/campaigns/0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e/channels/FACEBOOK") String link) {

    public ObjectRef {
        if (type == null || type.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("an object needs a type and an id");
        }
        if (link == null || !link.startsWith("/")) {
            throw new IllegalArgumentException("a link is a path starting with a slash: " + link);
        }
        name = name == null || name.isBlank() ? type + " " + id : name;
    }
}
