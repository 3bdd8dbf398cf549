package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.NetworkPostPreview;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A creative's posts: only what is sent (caption and hashtags, the video or else the image), counted per network. */
class CreativePreviewsTests {

    private static final BrandVoice BRAND = new BrandVoice("Roastery", null, List.of(), List.of("cheap"), List.of(), null);

    private static CreativeView creative(Map<ComponentKind, Object> parts, Channel... channels) {
        List<CreativeView.Part> list = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            Object value = parts.get(kind);
            list.add(new CreativeView.Part(kind, value == null ? null : 1, value instanceof String s ? s : null,
                    value instanceof UUID id ? id : null, VersionOrigin.WRITTEN, false, false, false, value == null ? 0 : 1,
                    false));
        }
        return new CreativeView(UUID.randomUUID(), UUID.randomUUID(), "Spring", "roast", CreativeMode.MANUAL,
                CreativeStatus.DRAFT, new LinkedHashSet<>(List.of(channels)), null, null, list, false, null,
                Instant.EPOCH, Instant.EPOCH, 0, 1, java.util.Map.of(), List.of());
    }

    @Test
    void thePostIsTheCaptionAndTheHashtagsNeverTheHeadlineOrTheCallToAction() {
        Map<ComponentKind, Object> parts = new EnumMap<>(ComponentKind.class);
        parts.put(ComponentKind.CAPTION, "  Spring roast is back: https://roastery.com/spring  ");
        parts.put(ComponentKind.HASHTAGS, "coffee, #spring");
        parts.put(ComponentKind.HEADLINE, "Big cheap headline");
        parts.put(ComponentKind.CTA, "Shop now");
        List<ChannelPreview> previews = CreativePreviews.of(creative(parts, Channel.TWITTER, Channel.LINKEDIN), BRAND,
                "Roastery", Map.of());

        ChannelPreview x = previews.get(0);
        assertThat(x.post().text()).isEqualTo("Spring roast is back: https://roastery.com/spring\n\n#coffee #spring");
        assertThat(x.post().text()).doesNotContain("headline").doesNotContain("Shop now");
        // 22 + the link (23) + 2 + 15
        assertThat(x.chars()).isEqualTo(62);
        assertThat(x.post().counter()).isEqualTo("62/280");
        assertThat(x.post().accountName()).isEqualTo("Roastery");
        ChannelPreview linkedIn = previews.get(1);
        assertThat(linkedIn.text()).isEqualTo(x.text());
        assertThat(linkedIn.chars()).as("LinkedIn counts the link as written").isEqualTo(66);
        assertThat(linkedIn.post().css()).isNotEqualTo(x.post().css());
        // the parts that are not posted are still checked, and said to be what they are
        assertThat(x.findings()).anySatisfy(f -> assertThat(f.message()).startsWith("Headline:"));
    }

    @Test
    void theMediaAreWhatTheSchedulerAttachesTheVideoElseTheImage() {
        UUID image = UUID.randomUUID();
        UUID video = UUID.randomUUID();
        Map<UUID, AssetCard> cards = Map.of(
                image, new AssetCard(image, "roast.png", AssetType.IMAGE, "image/png", false, true, false, 10, 10),
                video, new AssetCard(video, "pour.mp4", AssetType.VIDEO, "video/mp4", false, false, true, 10, 10));
        Map<ComponentKind, Object> parts = new EnumMap<>(ComponentKind.class);
        parts.put(ComponentKind.CAPTION, "Hi");
        parts.put(ComponentKind.IMAGE, image);
        NetworkPostPreview withImage = CreativePreviews.of(creative(parts, Channel.INSTAGRAM), BRAND, "Roastery", cards)
                .get(0).post();
        assertThat(withImage.media()).extracting(NetworkPostPreview.PreviewMedia::assetId).containsExactly(image);
        assertThat(withImage.media().get(0).imagePath()).endsWith("/thumb-large");

        parts.put(ComponentKind.VIDEO, video);
        NetworkPostPreview withVideo = CreativePreviews.of(creative(parts, Channel.TIKTOK), BRAND, "Roastery", cards)
                .get(0).post();
        assertThat(withVideo.media()).extracting(NetworkPostPreview.PreviewMedia::assetId).containsExactly(video);
        assertThat(withVideo.media().get(0).video()).isTrue();
        // without the directory's cards the file is still listed, without a picture
        NetworkPostPreview unknown = CreativePreviews.of(creative(parts, Channel.TIKTOK), BRAND).get(0).post();
        assertThat(unknown.media()).singleElement().satisfies(m -> {
            assertThat(m.assetId()).isEqualTo(video);
            assertThat(m.imagePath()).isNull();
            assertThat(m.video()).isTrue();
        });
    }
}
