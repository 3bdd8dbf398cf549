package io.flightdeck.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.NetworkPostPreview.PreviewMedia;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One post as its network will show it: the count and limit, LinkedIn's fold, X's reply, the media, the order. */
class NetworkPostPreviewTests {

    private static NetworkPostPreview preview(Channel channel, String text) {
        return NetworkPostPreview.of(channel, null, "Roastery", "roastery", text, null, List.of(), Instant.EPOCH);
    }

    @Test
    void theCountIsTheNetworksAndTheCounterReadsAsItsComposerDoes() {
        String link = "https://example.com/" + "a".repeat(40);
        NetworkPostPreview x = preview(Channel.TWITTER, "New roast " + link + " ☕");
        // "New roast " (10) + the link (23) + " " (1) + ☕ (2)
        assertThat(x.count()).isEqualTo(36);
        assertThat(x.limit()).isEqualTo(280);
        assertThat(x.counter()).isEqualTo("36/280");
        NetworkPostPreview linkedIn = preview(Channel.LINKEDIN, "a".repeat(1_204));
        assertThat(linkedIn.counter()).isEqualTo("1,204/3,000");
        assertThat(preview(Channel.BLOG, "a".repeat(5_000)).counter()).isEqualTo("5,000");
    }

    @Test
    void aTextOverTheNetworksLimitIsFlagged() {
        assertThat(preview(Channel.TWITTER, "a".repeat(280)).overLimit()).isFalse();
        NetworkPostPreview over = preview(Channel.TWITTER, "a".repeat(281));
        assertThat(over.overLimit()).isTrue();
        assertThat(over.count()).isEqualTo(281);
        assertThat(preview(Channel.TWITTER, "咖".repeat(141)).overLimit()).as("CJK weighs 2 on X").isTrue();
        assertThat(preview(Channel.LINKEDIN, "咖".repeat(141)).overLimit()).isFalse();
        assertThat(preview(Channel.LINKEDIN, "a".repeat(3_000)).overLimit()).isFalse();
    }

    @Test
    void linkedInFoldsALongTextAtAWordBoundaryAndXDoesNot() {
        String text = "word ".repeat(60).strip(); // 299 characters
        NetworkPostPreview linkedIn = preview(Channel.LINKEDIN, text);
        assertThat(linkedIn.folds()).isTrue();
        assertThat(linkedIn.foldAt()).isLessThanOrEqualTo(210);
        assertThat(linkedIn.beforeFold()).endsWith("word");
        assertThat(linkedIn.beforeFold() + linkedIn.afterFold()).isEqualTo(text);
        NetworkPostPreview x = preview(Channel.TWITTER, text);
        assertThat(x.folds()).isFalse();
        assertThat(x.beforeFold()).isEqualTo(text);
        assertThat(preview(Channel.LINKEDIN, "short").folds()).isFalse();
        // one long word is cut, but never inside an emoji
        String emoji = "\uD83D\uDE80".repeat(150);
        NetworkPostPreview rockets = preview(Channel.LINKEDIN, emoji);
        assertThat(rockets.beforeFold() + rockets.afterFold()).isEqualTo(emoji);
        assertThat(Character.isHighSurrogate(rockets.beforeFold().charAt(rockets.foldAt() - 1))).isFalse();
    }

    @Test
    void theFirstCommentIsNamedAsTheNetworkNamesItAndXHandlesCarryTheirAt() {
        NetworkPostPreview x = NetworkPostPreview.of(Channel.TWITTER, "X", "Roastery", "roastery", "Hi", "example.com",
                List.of(), null);
        assertThat(x.commentLabel()).isEqualTo("Reply");
        assertThat(x.handle()).isEqualTo("@roastery");
        assertThat(x.initial()).isEqualTo("R");
        assertThat(x.css()).isEqualTo("net-twitter");
        NetworkPostPreview linkedIn = NetworkPostPreview.of(Channel.LINKEDIN, "LinkedIn", "Roastery", "Roastery Ltd",
                "Hi", "  ", List.of(), null);
        assertThat(linkedIn.commentLabel()).isEqualTo("First comment");
        assertThat(linkedIn.firstComment()).as("a blank comment is none").isNull();
        assertThat(linkedIn.handle()).isEqualTo("Roastery Ltd");
        // before an account is chosen there is no handle, and the network's name stands in for a missing author
        NetworkPostPreview editor = NetworkPostPreview.of(Channel.INSTAGRAM, null, null, null, null, null, null, null);
        assertThat(editor.handle()).isNull();
        assertThat(editor.text()).isEmpty();
        assertThat(editor.networkName()).isEqualTo("Instagram");
        assertThat(editor.accountName()).isEqualTo("Instagram");
    }

    @Test
    void mediaAreTheKnownFilesInOrderEachWithItsPictureIfItHasOne() {
        UUID image = UUID.randomUUID();
        UUID video = UUID.randomUUID();
        UUID doc = UUID.randomUUID();
        Map<UUID, AssetCard> cards = Map.of(
                image, new AssetCard(image, "roast.png", AssetType.IMAGE, "image/png", false, true, false, 10, 10),
                video, new AssetCard(video, "pour.mp4", AssetType.VIDEO, "video/mp4", false, false, true, 10, 10),
                doc, new AssetCard(doc, "terms.pdf", AssetType.DOCUMENT, "application/pdf", false, false, false, null, null));
        List<PreviewMedia> media = PreviewMedia.of(List.of(video, UUID.randomUUID(), image, doc), cards);
        assertThat(media).extracting(PreviewMedia::assetId).containsExactly(video, image, doc);
        assertThat(media.get(0).video()).isTrue();
        assertThat(media.get(0).imagePath()).isEqualTo("/assets/" + video + "/renditions/poster");
        assertThat(media.get(1).imagePath()).isEqualTo("/assets/" + image + "/renditions/thumb-large");
        assertThat(media.get(2).imagePath()).isNull();
    }

    @Test
    void eachNetworkKeepsItsOrder() {
        assertThat(preview(Channel.TWITTER, "x").mediaFirst()).isFalse();
        assertThat(preview(Channel.LINKEDIN, "x").mediaFirst()).isFalse();
        assertThat(preview(Channel.FACEBOOK, "x").mediaFirst()).isFalse();
        assertThat(preview(Channel.INSTAGRAM, "x").mediaFirst()).isTrue();
        assertThat(preview(Channel.INSTAGRAM, "x").videoFirst()).isFalse();
        assertThat(preview(Channel.TIKTOK, "x").videoFirst()).isTrue();
        assertThat(preview(Channel.YOUTUBE, "x").videoFirst()).isTrue();
    }
}
