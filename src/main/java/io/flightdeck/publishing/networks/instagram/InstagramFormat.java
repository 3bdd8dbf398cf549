package io.flightdeck.publishing.networks.instagram;

import java.util.List;
import java.util.Locale;

import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.PostOption;

/**
 * What an Instagram post is made as, from the post's {@link PostOption#FORMAT} ({@code feed} by default, {@code reel},
 * {@code story}) and its media: a feed post with one image is an image post, with two or more media a carousel, and
 * with one video a Reel (Instagram shares every single feed video published through the API as a Reel).
 */
enum InstagramFormat {

    IMAGE, CAROUSEL, REEL, STORY;

    static final String FEED = "feed";
    static final String REEL_CHOICE = "reel";
    static final String STORY_CHOICE = "story";
    static final List<String> CHOICES = List.of(FEED, REEL_CHOICE, STORY_CHOICE);

    /** The format asked for, in the option's words; {@code feed} when the post names none. */
    static String chosen(OutgoingPost post) {
        String value = post.option(PostOption.FORMAT);
        return value == null || value.isBlank() ? FEED : value.strip().toLowerCase(Locale.ROOT);
    }

    static InstagramFormat of(OutgoingPost post) {
        return switch (chosen(post)) {
            case REEL_CHOICE -> REEL;
            case STORY_CHOICE -> STORY;
            default -> post.media().size() > 1 ? CAROUSEL
                    : post.media().size() == 1 && post.media().get(0).video() ? REEL : IMAGE;
        };
    }
}
