package io.flightdeck.content.creatives;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.campaigns.Channel;

/**
 * Which of a creative's media a network gets: its video where the network takes one, else the rendered size of the
 * image whose shape is closest to what the network shows best (X and LinkedIn wide, Instagram 4:5, TikTok upright,
 * Facebook square), else the image as it is. Pure.
 */
final class MediaFit {

    private MediaFit() {
    }

    /** Width over height of the image a network shows best in its feed. */
    static double preferredRatio(Channel channel) {
        return switch (channel) {
            case TWITTER, LINKEDIN -> 1.91;
            case YOUTUBE -> 16.0 / 9;
            case INSTAGRAM -> 0.8;
            case TIKTOK -> 9.0 / 16;
            default -> 1.0;
        };
    }

    static boolean takesVideo(Channel channel) {
        return switch (channel) {
            case TWITTER, LINKEDIN, FACEBOOK, INSTAGRAM, TIKTOK, YOUTUBE -> true;
            default -> false;
        };
    }

    /**
     * @param variants the image's rendered sizes (the image among them); empty when it was not rendered here
     * @param cards    the variants' library cards, for their sizes
     */
    static List<UUID> media(Channel channel, UUID image, UUID video, List<UUID> variants, Map<UUID, AssetCard> cards) {
        if (video != null && takesVideo(channel)) {
            return List.of(video);
        }
        if (image == null) {
            return List.of();
        }
        return List.of(bestImage(channel, image, variants, cards));
    }

    static UUID bestImage(Channel channel, UUID image, Collection<UUID> variants, Map<UUID, AssetCard> cards) {
        double wanted = Math.log(preferredRatio(channel));
        UUID best = image;
        double bestDistance = distance(cards.get(image), wanted);
        for (UUID id : variants) {
            double d = distance(cards.get(id), wanted);
            if (d < bestDistance) {
                best = id;
                bestDistance = d;
            }
        }
        return best;
    }

    private static double distance(AssetCard card, double wantedLog) {
        if (card == null || card.archived() || card.width() == null || card.height() == null || card.height() == 0) {
            return Double.MAX_VALUE;
        }
        return Math.abs(Math.log((double) card.width() / card.height()) - wantedLog);
    }
}
