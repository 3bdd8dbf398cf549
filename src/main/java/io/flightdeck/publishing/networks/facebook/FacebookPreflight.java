package io.flightdeck.publishing.networks.facebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.OutgoingPost.Media;

/**
 * What Meta documents a Page post's media must be, checked from the measured facts before anything is uploaded. A fact
 * that was not measured is not checked here (Meta then judges the file itself). Sources: the Page Photos reference
 * (JPEG, PNG, GIF, TIFF, HEIF or WebP under 4 MB), the Video API's publishing guide (one video per post, up to 10 GB
 * and 240 minutes), and the Reels Publishing API's specifications (MP4, 9:16, at least 540 by 960 pixels, 3 to 90
 * seconds, H.264, H.265, VP9 or AV1). Meta's frame rate rule for Reels (24 to 60 per second) cannot be checked: the
 * asset module does not measure frame rates.
 */
final class FacebookPreflight {

    static final long PHOTO_BYTES = 4L * 1024 * 1024;
    static final long VIDEO_BYTES = 10L * 1024 * 1024 * 1024;
    static final long VIDEO_MILLIS = 240L * 60 * 1000;
    static final long REEL_MIN_MILLIS = 3_000;
    static final long REEL_MAX_MILLIS = 90_000;
    private static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/tiff",
            "image/heif", "image/heic", "image/webp");
    private static final Set<String> REEL_TYPES = Set.of("video/mp4", "video/quicktime");
    private static final Set<String> REEL_CODECS = Set.of("h264", "avc1", "h265", "hevc", "hvc1", "hev1", "vp9",
            "vp09", "av1", "av01");

    private FacebookPreflight() {
    }

    static List<String> check(OutgoingPost post) {
        List<String> problems = new ArrayList<>();
        List<Media> media = post.media();
        long videos = media.stream().filter(Media::video).count();
        boolean hasText = post.text() != null && !post.text().isBlank();
        if (FacebookChannel.reel(post)) {
            if (media.size() != 1 || videos != 1) {
                problems.add("A Reel is exactly one video: attach one video and nothing else, or choose a feed post.");
                return problems;
            }
            reel(media.get(0), problems);
            return problems;
        }
        if (!hasText && media.isEmpty()) {
            problems.add("A Facebook post needs text or media: write something or attach a photo or video.");
        }
        if (videos > 0 && media.size() > 1) {
            problems.add("A Facebook post carries photos or one video, not both or several videos: keep one video, "
                    + "or only photos.");
        }
        for (Media m : media) {
            if (m.video()) {
                video(m, problems);
            } else {
                photo(m, problems);
            }
        }
        return problems;
    }

    private static void photo(Media m, List<String> problems) {
        String type = type(m);
        if (!PHOTO_TYPES.contains(type)) {
            problems.add(name(m) + " is " + type + ", which Facebook does not take as a photo: export it as JPEG or "
                    + "PNG.");
        }
        if (m.size() > PHOTO_BYTES) {
            problems.add(name(m) + " is " + mb(m.size()) + " MB; Facebook takes photos up to 4 MB: export it smaller "
                    + "(as JPEG, or at a lower resolution).");
        }
    }

    private static void video(Media m, List<String> problems) {
        if (m.size() > VIDEO_BYTES) {
            problems.add(name(m) + " is " + mb(m.size()) + " MB; Facebook takes videos up to 10 GB: compress or "
                    + "shorten it.");
        }
        if (m.durationMillis() != null && m.durationMillis() > VIDEO_MILLIS) {
            problems.add(name(m) + " runs " + m.durationMillis() / 60_000 + " minutes; Facebook takes videos up to "
                    + "240 minutes: cut it shorter.");
        }
    }

    private static void reel(Media m, List<String> problems) {
        if (!REEL_TYPES.contains(type(m))) {
            problems.add(name(m) + " is " + type(m) + "; Meta asks for an MP4 for a Reel: export it as MP4.");
        }
        Long millis = m.durationMillis();
        if (millis != null && (millis < REEL_MIN_MILLIS || millis > REEL_MAX_MILLIS)) {
            problems.add(name(m) + " runs " + String.format(Locale.ROOT, "%.1f", millis / 1000.0) + " seconds; a Reel "
                    + "runs 3 to 90 seconds: trim it, or post it as a feed video.");
        }
        if (m.width() != null && m.height() != null) {
            double ratio = m.width() / (double) m.height();
            if (Math.abs(ratio - 9 / 16.0) > 0.01) {
                problems.add(name(m) + " is " + m.width() + "×" + m.height() + "; a Reel is vertical 9:16 (1080×1920 "
                        + "recommended): crop it to 9:16, or post it as a feed video.");
            } else if (m.width() < 540 || m.height() < 960) {
                problems.add(name(m) + " is " + m.width() + "×" + m.height() + "; a Reel is at least 540×960 pixels: "
                        + "export it at 1080×1920.");
            }
        }
        if (m.codec() != null && !REEL_CODECS.contains(m.codec().toLowerCase(Locale.ROOT))) {
            problems.add(name(m) + " is encoded as " + m.codec() + "; a Reel is H.264, H.265, VP9 or AV1: export it "
                    + "with H.264.");
        }
    }

    private static String type(Media m) {
        return m.mimeType() == null ? "an unknown type" : m.mimeType().toLowerCase(Locale.ROOT);
    }

    private static String name(Media m) {
        return m.fileName() == null ? "The file" : m.fileName();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024));
    }
}
