package io.flightdeck.content.creatives;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.brands.Brands;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A creative's posts as each network will show them, with what {@link CreativePreviews} needs gathered around it:
 * the brand's rules, who the post shows as its author before an account is chosen (the brand, else the campaign),
 * and the pictures of its image or video. The editor (saved or as typed), its API and the approval page use it.
 */
@Service
public class CreativePostPreviews {

    private final Brands brands;
    private final CampaignDirectory campaigns;
    private final AssetDirectory assets;

    CreativePostPreviews(Brands brands, CampaignDirectory campaigns, AssetDirectory assets) {
        this.brands = brands;
        this.campaigns = campaigns;
        this.assets = assets;
    }

    @Transactional(readOnly = true)
    public List<ChannelPreview> of(CreativeView creative) {
        return of(creative, true);
    }

    /**
     * The review with each network's post as the editor shows it. The library's renditions need a signed-in member, so
     * an external reviewer ({@code pictures} false) gets signed, short-lived links to the same pictures.
     */
    @Transactional(readOnly = true)
    public CreativeReview forReview(CreativeReview review, boolean pictures) {
        return new CreativeReview(review.creative(), of(review.creative(), pictures), review.firstReview(),
                review.changes());
    }

    private List<ChannelPreview> of(CreativeView creative, boolean pictures) {
        BrandVoice voice = brands.voiceFor(creative.campaignId());
        String author = voice.name() != null ? voice.name()
                : campaigns.find(creative.campaignId()).map(CampaignSnapshot::name).orElse(null);
        List<UUID> media = mediaIds(creative);
        List<ChannelPreview> previews = CreativePreviews.of(creative, voice, author, assets.find(media));
        if (pictures) {
            return previews;
        }
        // a reader without an account cannot open the library's renditions: signed, short-lived links instead
        Map<UUID, String> signed = assets.signedPictures(media);
        return previews.stream().map(p -> new ChannelPreview(p.channel(), p.post().withPictures(signed), p.hashtags(),
                p.findings())).toList();
    }

    private static List<UUID> mediaIds(CreativeView creative) {
        List<UUID> ids = new ArrayList<>();
        for (CreativeView.Part p : creative.components()) {
            if ((p.kind() == ComponentKind.IMAGE || p.kind() == ComponentKind.VIDEO) && p.assetId() != null) {
                ids.add(p.assetId());
            }
        }
        // each network's post shows the rendered size it gets, which the directory's cards tell apart
        ids.addAll(creative.imageVariants());
        return ids;
    }
}
