package io.flightdeck.publishing.networks.tiktok;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.PostOption;
import io.flightdeck.publishing.channels.PostOption.Choice;
import io.flightdeck.publishing.channels.PostOption.Kind;

/**
 * The choices a TikTok post offers, as TikTok's content-sharing guidelines require them: who can see it with no
 * default and only the creator's own options, comments, duets and stitches off until a person turns them on and
 * greyed out where the creator turned them off, the commercial-content disclosure, and TikTok's required statements.
 */
final class TikTokOptions {

    /** A post on the profile (TikTok's direct post) or a draft in the creator's TikTok inbox. */
    static final String VIDEO = "video";
    static final String DRAFT = "draft";
    static final String COMMENTS = "comments";
    static final String DUETS = "duets";
    static final String STITCHES = "stitches";
    /** Promoting the creator's own business: TikTok's {@code brand_organic_toggle}. */
    static final String YOUR_BRAND = "your-brand";
    /** Promoting a third party for something of value: TikTok's {@code brand_content_toggle}. */
    static final String BRANDED_CONTENT = "branded-content";
    static final String SELF_ONLY = "SELF_ONLY";
    static final Map<String, String> PRIVACY_LABELS = Map.of("PUBLIC_TO_EVERYONE", "Everyone",
            "MUTUAL_FOLLOW_FRIENDS", "Friends", "FOLLOWER_OF_CREATOR", "Followers", SELF_ONLY, "Only me");
    static final String MUSIC_CONFIRMATION = "By posting, you agree to TikTok's Music Usage Confirmation.";
    static final String BRANDED_CONFIRMATION = "By posting, you agree to TikTok's Branded Content Policy and Music "
            + "Usage Confirmation.";
    static final String UNAUDITED = "TikTok has not audited this installation's app yet, so TikTok takes only private "
            + "posts (Only me) from it, from accounts that are themselves private; once the app passes TikTok's audit, "
            + "set flightdeck.publishing.tiktok.audited=true.";
    static final String BRANDED_NOT_PRIVATE = "TikTok does not allow branded content to be private.";

    private TikTokOptions() {
    }

    static boolean draft(OutgoingPost post) {
        return DRAFT.equals(post.option(PostOption.FORMAT));
    }

    static boolean on(OutgoingPost post, String key) {
        return PostOption.ON.equals(post.option(key));
    }

    static List<PostOption> of(TikTokCreator creator, boolean audited) {
        List<PostOption> options = new ArrayList<>();
        options.add(new PostOption(PostOption.FORMAT, "Post to TikTok as", Kind.CHOICE,
                List.of(new Choice(VIDEO, "A video on " + creator.name() + "'s profile"),
                        new Choice(DRAFT, "A draft in " + creator.name() + "'s TikTok inbox")),
                VIDEO, null, "A draft waits in the TikTok inbox: the creator opens TikTok's notification to edit and "
                + "post it there."));
        List<Choice> privacy = creator.privacyLevelOptions().stream().filter(level -> audited || SELF_ONLY.equals(level))
                .map(level -> new Choice(level, PRIVACY_LABELS.getOrDefault(level, level))).toList();
        String privacyHelp = audited ? MUSIC_CONFIRMATION : UNAUDITED + " " + MUSIC_CONFIRMATION;
        options.add(new PostOption(PostOption.PRIVACY, "Who can see this video (posting as " + creator.name() + ")",
                Kind.CHOICE, privacy, null, privacy.isEmpty() ? creator.name() + "'s TikTok account offers no "
                + "privacy level this app may use: " + UNAUDITED : null, privacyHelp));
        options.add(interaction(creator, COMMENTS, "Allow comments", "comments"));
        options.add(interaction(creator, DUETS, "Allow Duet", "Duet"));
        options.add(interaction(creator, STITCHES, "Allow Stitch", "Stitch"));
        options.add(new PostOption(YOUR_BRAND, "Disclose commercial content: your brand", Kind.SWITCH, onOff(),
                PostOption.OFF, null, "You are promoting yourself or your own business; the video will be labeled as "
                + "Promotional content. " + MUSIC_CONFIRMATION));
        options.add(new PostOption(BRANDED_CONTENT, "Disclose commercial content: branded content", Kind.SWITCH,
                onOff(), PostOption.OFF, audited ? null : BRANDED_NOT_PRIVATE + " " + UNAUDITED, "You are promoting "
                + "another brand or a third party; the video will be labeled as Paid partnership, and it cannot be "
                + "private. " + BRANDED_CONFIRMATION));
        return options;
    }

    private static PostOption interaction(TikTokCreator creator, String key, String label, String name) {
        String why = creator.disabled(key) ? creator.name() + " has turned " + name + " off in TikTok's settings."
                : null;
        return new PostOption(key, label, Kind.SWITCH, onOff(), PostOption.OFF, why, null);
    }

    private static List<Choice> onOff() {
        return List.of(new Choice(PostOption.ON, "On"), new Choice(PostOption.OFF, "Off"));
    }
}
