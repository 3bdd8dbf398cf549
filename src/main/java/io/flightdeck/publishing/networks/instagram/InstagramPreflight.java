package io.flightdeck.publishing.networks.instagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.OutgoingPost.Media;

/**
 * Instagram's documented media specifications (the IG User media reference: image, Reels and story specifications;
 * the content publishing guide for carousels and captions), checked on the measured facts before any container is
 * made. A fact that was not measured cannot be checked here and is left to Instagram, except the public address of an
 * image, without which Instagram cannot fetch it at all. Frame rate (23 to 60 FPS) and the audio codec (AAC) are
 * documented too but not among the facts measured.
 */
final class InstagramPreflight {

    static final int CAPTION_CHARACTERS = 2200;
    static final int HASHTAGS = 30;
    static final long IMAGE_BYTES = 8L * 1024 * 1024;
    static final long REEL_BYTES = 300L * 1024 * 1024;
    static final long STORY_VIDEO_BYTES = 100L * 1024 * 1024;
    static final double FEED_RATIO_MIN = 4.0 / 5.0;
    static final double FEED_RATIO_MAX = 1.91;
    static final int MAX_WIDTH = 1920;
    static final long REEL_MIN_MILLIS = 3_000;
    static final long REEL_MAX_MILLIS = 15 * 60_000;
    static final long STORY_MAX_MILLIS = 60_000;
    static final int CAROUSEL_MIN = 2;
    static final int CAROUSEL_MAX = 10;
    private static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime");
    private static final Set<String> VIDEO_CODECS = Set.of("h264", "avc1", "hevc", "h265", "hvc1", "hev1");

    private InstagramPreflight() {
    }

    static List<String> check(OutgoingPost post) {
        List<String> problems = new ArrayList<>();
        String chosen = InstagramFormat.chosen(post);
        if (!InstagramFormat.CHOICES.contains(chosen)) {
            problems.add("Instagram has no format \"" + chosen + "\": choose feed, reel or story.");
            return problems;
        }
        InstagramFormat format = InstagramFormat.of(post);
        List<Media> media = post.media();
        caption(post, format, problems);
        switch (format) {
            case IMAGE -> {
                if (media.isEmpty()) {
                    problems.add("Instagram posts need an image or a video: add one.");
                } else {
                    image(media.get(0), true, problems);
                }
            }
            case CAROUSEL -> {
                if (media.size() > CAROUSEL_MAX) {
                    problems.add("An Instagram carousel holds " + CAROUSEL_MIN + " to " + CAROUSEL_MAX
                            + " images or videos; this post has " + media.size() + ": remove "
                            + (media.size() - CAROUSEL_MAX) + ".");
                }
                for (Media m : media) {
                    if (m.video()) {
                        video(m, REEL_MIN_MILLIS, STORY_MAX_MILLIS, REEL_BYTES, "a carousel video", problems);
                    } else {
                        image(m, true, problems);
                    }
                }
            }
            case REEL -> {
                if (media.size() != 1 || !media.get(0).video()) {
                    problems.add("A Reel is one video: attach exactly one video (this post has " + media.size()
                            + " files), or choose the feed format for images.");
                } else {
                    video(media.get(0), REEL_MIN_MILLIS, REEL_MAX_MILLIS, REEL_BYTES, "a Reel", problems);
                }
            }
            case STORY -> {
                if (media.size() != 1) {
                    problems.add("An Instagram story is one image or one video: attach exactly one (this post has "
                            + media.size() + ").");
                } else if (media.get(0).video()) {
                    video(media.get(0), REEL_MIN_MILLIS, STORY_MAX_MILLIS, STORY_VIDEO_BYTES, "a story video",
                            problems);
                } else {
                    image(media.get(0), false, problems);
                }
            }
        }
        return problems;
    }

    private static void caption(OutgoingPost post, InstagramFormat format, List<String> problems) {
        String text = post.text() == null ? "" : post.text();
        if (format == InstagramFormat.STORY) {
            if (!text.isBlank()) {
                problems.add("Instagram stories carry no caption, so this text would not be seen: leave the text "
                        + "empty, or choose the feed or reel format.");
            }
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length > CAPTION_CHARACTERS) {
            problems.add("Instagram captions hold up to " + CAPTION_CHARACTERS + " characters; this one has " + length
                    + ": shorten it by " + (length - CAPTION_CHARACTERS) + ".");
        }
        long hashtags = text.chars().filter(c -> c == '#').count();
        if (hashtags > HASHTAGS) {
            problems.add("Instagram takes up to " + HASHTAGS + " hashtags in a caption; this one has " + hashtags
                    + ": remove " + (hashtags - HASHTAGS) + ".");
        }
    }

    private static void image(Media m, boolean feed, List<String> problems) {
        String type = m.mimeType() == null ? "" : m.mimeType().toLowerCase(Locale.ROOT);
        if (m.video()) {
            return;
        }
        if (!type.equals("image/jpeg") && !type.equals("image/jpg") && !type.equals("image/pjpeg")) {
            problems.add(m.fileName() + " is " + (type.isEmpty() ? "of an unknown type" : type) + ", and Instagram "
                    + "takes only JPEG images: export it as JPEG and attach that instead.");
        }
        if (m.size() > IMAGE_BYTES) {
            problems.add(m.fileName() + " is " + megabytes(m.size()) + " MB; Instagram takes images up to 8 MB: "
                    + "export it smaller or at a lower JPEG quality.");
        }
        if (feed && m.width() != null && m.height() != null && m.height() > 0) {
            double ratio = (double) m.width() / m.height();
            if (ratio < FEED_RATIO_MIN - 0.005 || ratio > FEED_RATIO_MAX + 0.005) {
                problems.add(m.fileName() + " is " + m.width() + " × " + m.height() + "; Instagram feed images must "
                        + "be between 4:5 (portrait) and 1.91:1 (landscape): crop it into that range.");
            }
        }
        if (m.publicUrl() == null || m.publicUrl().isBlank()) {
            problems.add("Instagram fetches images itself from a public address, and this installation has none to "
                    + "give for " + m.fileName() + ": set flightdeck.base-url to an https address Instagram can "
                    + "reach.");
        }
    }

    private static void video(Media m, long minMillis, long maxMillis, long maxBytes, String what,
            List<String> problems) {
        String type = m.mimeType() == null ? "" : m.mimeType().toLowerCase(Locale.ROOT);
        if (!VIDEO_TYPES.contains(type)) {
            problems.add(m.fileName() + " is " + type + "; Instagram takes " + what + " as MP4 or MOV: export it "
                    + "as MP4 (H.264 or HEVC).");
        }
        if (m.codec() != null && !VIDEO_CODECS.contains(m.codec().toLowerCase(Locale.ROOT))) {
            problems.add(m.fileName() + " is encoded with " + m.codec() + "; Instagram takes H.264 or HEVC video: "
                    + "export it again with H.264.");
        }
        if (m.durationMillis() != null && m.durationMillis() < minMillis) {
            problems.add(m.fileName() + " lasts " + seconds(m.durationMillis()) + " s; " + what + " lasts at least "
                    + minMillis / 1000 + " s on Instagram: use a longer clip.");
        }
        if (m.durationMillis() != null && m.durationMillis() > maxMillis) {
            problems.add(m.fileName() + " lasts " + seconds(m.durationMillis()) + " s; " + what + " lasts at most "
                    + (maxMillis > 60_000 ? maxMillis / 60_000 + " min" : maxMillis / 1000 + " s")
                    + " on Instagram: trim it.");
        }
        if (m.size() > maxBytes) {
            problems.add(m.fileName() + " is " + megabytes(m.size()) + " MB; Instagram takes " + what + " up to "
                    + maxBytes / (1024 * 1024) + " MB: export it at a lower bitrate.");
        }
        if (m.width() != null && m.width() > MAX_WIDTH) {
            problems.add(m.fileName() + " is " + m.width() + " pixels wide; Instagram takes video up to " + MAX_WIDTH
                    + " pixels wide: export it at 1080 × 1920.");
        }
        if (m.width() != null && m.height() != null && m.width() > 0 && m.height() > 0) {
            double ratio = (double) m.width() / m.height();
            if (ratio < 0.01 || ratio > 10) {
                problems.add(m.fileName() + " is " + m.width() + " × " + m.height() + "; Instagram takes video "
                        + "between 0.01:1 and 10:1 (9:16 fills the screen): crop it to 9:16.");
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
