package io.flightdeck.publishing.networks.tiktok;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import io.flightdeck.publishing.channels.PostOption;

/**
 * What TikTok would refuse, checked before anything is sent: the video specifications of TikTok's media transfer
 * guide (MP4, WebM or MOV; H.264, H.265, VP8 or VP9; 360 to 4096 pixels a side; up to 4 GB; up to 10 minutes through
 * the API), the caption's length, and the post's choices against the guidelines and, once known, the creator's
 * settings. A fact that was not measured is not held against the post; the frame rate (23 to 60 per second) is not
 * measured at all, so TikTok alone checks it.
 */
final class TikTokPreflight {

    static final Set<String> TYPES = Set.of("video/mp4", "video/webm", "video/quicktime");
    static final Set<String> CODECS = Set.of("h264", "avc1", "h265", "hevc", "hvc1", "hev1", "vp8", "vp9", "vp09");
    static final long MAX_BYTES = 4L * 1024 * 1024 * 1024;
    static final long MAX_MILLIS = 10 * 60 * 1000L;
    static final int MIN_SIDE = 360;
    static final int MAX_SIDE = 4096;
    /** TikTok counts the caption in UTF-16 code units. */
    static final int MAX_CAPTION = 2200;

    private TikTokPreflight() {
    }

    static List<String> check(OutgoingPost post, boolean audited) {
        List<String> problems = new ArrayList<>();
        if (post.media().size() != 1 || !post.media().get(0).video()) {
            problems.add("A TikTok post here is one video: attach exactly one video (and no images).");
        } else {
            video(post.media().get(0), problems);
        }
        if (post.text() != null && post.text().length() > MAX_CAPTION) {
            problems.add("TikTok takes captions of up to " + MAX_CAPTION + " characters; this one has "
                    + post.text().length() + ": shorten it.");
        }
        if (!TikTokOptions.draft(post)) {
            choices(post, audited, problems);
        }
        return problems;
    }

    private static void video(Media video, List<String> problems) {
        String name = video.fileName();
        String type = video.mimeType() == null ? "" : video.mimeType().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            problems.add(name + " is " + (type.isEmpty() ? "of an unknown type" : type) + ": TikTok takes MP4, WebM "
                    + "or MOV videos; export it as an MP4 with H.264.");
        }
        if (video.codec() != null && !CODECS.contains(video.codec().toLowerCase(Locale.ROOT))) {
            problems.add(name + " is encoded with " + video.codec() + ": TikTok takes H.264, H.265, VP8 or VP9; "
                    + "export it with H.264.");
        }
        if (video.size() > MAX_BYTES) {
            problems.add(name + " is larger than TikTok's 4 GB: export it at a lower bitrate.");
        }
        if (video.durationMillis() != null && video.durationMillis() > MAX_MILLIS) {
            problems.add(name + " runs " + seconds(video.durationMillis()) + " s: apps may send TikTok videos of up "
                    + "to 10 minutes; trim it.");
        }
        for (Integer side : new Integer[] {video.width(), video.height()}) {
            if (side != null && (side < MIN_SIDE || side > MAX_SIDE)) {
                problems.add(name + " is " + video.width() + "×" + video.height() + " pixels: TikTok takes "
                        + MIN_SIDE + " to " + MAX_SIDE + " pixels on each side; export it at 1080×1920.");
                break;
            }
        }
    }

    private static void choices(OutgoingPost post, boolean audited, List<String> problems) {
        String privacy = post.option(PostOption.PRIVACY);
        if (privacy == null || privacy.isBlank()) {
            problems.add("Choose who can see this video on TikTok: TikTok requires a person to choose, and there "
                    + "is no default.");
        } else if (!TikTokOptions.PRIVACY_LABELS.containsKey(privacy)) {
            problems.add("TikTok has no privacy level " + privacy + ": choose one of the account's options.");
        } else if (!audited && !TikTokOptions.SELF_ONLY.equals(privacy)) {
            problems.add("This post is for " + TikTokOptions.PRIVACY_LABELS.get(privacy) + ", but "
                    + TikTokOptions.UNAUDITED + " Choose Only me.");
        }
        if (TikTokOptions.on(post, TikTokOptions.BRANDED_CONTENT) && TikTokOptions.SELF_ONLY.equals(privacy)) {
            problems.add(TikTokOptions.BRANDED_NOT_PRIVATE + " Choose who can see it other than Only me, or turn "
                    + "the branded content disclosure off.");
        }
    }

    /** What the creator's settings today do not allow; asked before every direct post. */
    static List<String> against(TikTokCreator creator, OutgoingPost post) {
        List<String> problems = new ArrayList<>();
        String privacy = post.option(PostOption.PRIVACY);
        if (privacy != null && !creator.privacyLevelOptions().contains(privacy)) {
            problems.add(creator.name() + "'s TikTok account does not offer "
                    + TikTokOptions.PRIVACY_LABELS.getOrDefault(privacy, privacy) + " today (it offers "
                    + String.join(", ", creator.privacyLevelOptions().stream()
                            .map(level -> TikTokOptions.PRIVACY_LABELS.getOrDefault(level, level)).toList())
                    + "): choose one of these.");
        }
        for (String interaction : List.of(TikTokOptions.COMMENTS, TikTokOptions.DUETS, TikTokOptions.STITCHES)) {
            if (TikTokOptions.on(post, interaction) && creator.disabled(interaction)) {
                problems.add(creator.name() + " has turned " + interaction + " off in TikTok's settings: turn "
                        + interaction + " off for this post, or on in the TikTok app first.");
            }
        }
        Integer max = creator.maxVideoPostDurationSec();
        Long millis = post.media().isEmpty() ? null : post.media().get(0).durationMillis();
        if (max != null && millis != null && millis > max * 1000L) {
            problems.add(post.media().get(0).fileName() + " runs " + seconds(millis) + " s, and " + creator.name()
                    + " may post videos of up to " + max + " s on TikTok: trim it.");
        }
        return problems;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
