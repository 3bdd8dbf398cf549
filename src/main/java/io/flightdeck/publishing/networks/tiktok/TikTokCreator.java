package io.flightdeck.publishing.networks.tiktok;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What {@code POST /v2/post/publish/creator_info/query/} says about the creator today: the privacy levels their account
 * offers, the interactions they turned off, and the longest video they may post. TikTok requires apps to ask before
 * every post and to offer only these.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TikTokCreator(String creatorUsername, String creatorNickname, List<String> privacyLevelOptions,
        boolean commentDisabled, boolean duetDisabled, boolean stitchDisabled, Integer maxVideoPostDurationSec) {

    /** The envelope. */
    record Answer(TikTokCreator data, TikTokApi.Error error) {
    }

    TikTokCreator {
        privacyLevelOptions = privacyLevelOptions == null ? List.of() : List.copyOf(privacyLevelOptions);
    }

    /** The creator's name as TikTok's guidelines want it shown next to the choices. */
    String name() {
        if (creatorNickname != null && !creatorNickname.isBlank()) {
            return creatorNickname;
        }
        return creatorUsername == null ? "this creator" : "@" + creatorUsername;
    }

    boolean disabled(String interaction) {
        return switch (interaction) {
            case TikTokOptions.COMMENTS -> commentDisabled;
            case TikTokOptions.DUETS -> duetDisabled;
            case TikTokOptions.STITCHES -> stitchDisabled;
            default -> false;
        };
    }
}
