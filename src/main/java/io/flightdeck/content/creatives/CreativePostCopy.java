package io.flightdeck.content.creatives;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativeCopy;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The creative behind a post: its copy per network, the creative made behind a text, a network's own text. */
@Service
@Transactional
class CreativePostCopy implements CreativeCopy {

    static final int TEXT_MAX = 65_000;

    private final Creatives creatives;
    private final CreativeReviews reviews;
    private final Brands brands;
    private final AssetDirectory assets;
    private final ApprovalItems approvals;
    private final Clock clock;

    CreativePostCopy(Creatives creatives, CreativeReviews reviews, Brands brands, AssetDirectory assets,
            ApprovalItems approvals, Clock clock) {
        this.creatives = creatives;
        this.reviews = reviews;
        this.clock = clock;
        this.brands = brands;
        this.assets = assets;
        this.approvals = approvals;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PostCopy> forChannel(UUID creativeId, Channel channel) {
        CreativeView creative;
        try {
            creative = creatives.get(creativeId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return creative.deleted() ? Optional.empty() : Optional.of(copy(creative, channel));
    }

    @Override
    public UUID createForPost(UUID campaignId, String title, Set<Channel> channels, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "Write the post's text, or choose a creative.");
        }
        if (text.length() > TEXT_MAX) {
            throw new InvalidInputException("text", "At most 65,000 characters.");
        }
        CreativeView made = creatives.create(new CreativeDraft(campaignId, title, null, channels, CreativeMode.MANUAL,
                Map.of(ComponentKind.CAPTION, text.strip()), null, null, null, null));
        submitForPosting(made.id());
        return made.id();
    }

    @Override
    public PostCopy writeChannelText(UUID creativeId, Channel channel, String text) {
        if (text != null && text.length() > TEXT_MAX) {
            throw new InvalidInputException("text", "At most 65,000 characters.");
        }
        Creative creative = creatives.find(creativeId);
        if (creative.writeChannelText(channel, text)) {
            reviews.afterChange(creative, CurrentActor.require().userId(), clock.instant());
            // a change answers a reviewer's request too: the post waits on the review of what it now carries
            if (creative.getStatus() == CreativeStatus.DRAFT || creative.getStatus() == CreativeStatus.CHANGES_REQUESTED) {
                submit(creative);
            }
        }
        return copy(creatives.get(creativeId), channel);
    }

    @Override
    public void submitForPosting(UUID creativeId) {
        Creative creative = creatives.find(creativeId);
        if (creative.getStatus() == CreativeStatus.DRAFT) {
            submit(creative);
        }
    }

    private void submit(Creative creative) {
        if (!creative.parts().isEmpty() && approvals.scopeEnabled(CreativeReviews.SCOPE)) {
            creative.submitted(approvals.submit(reviews.submission(creative)));
        }
    }

    private PostCopy copy(CreativeView creative, Channel channel) {
        ChannelPreview preview = CreativePreviews.of(channel, creative, brands.voiceFor(creative.campaignId()));
        UUID image = creative.part(ComponentKind.IMAGE).assetId();
        UUID video = creative.part(ComponentKind.VIDEO).assetId();
        List<UUID> sized = new ArrayList<>(creative.imageVariants());
        if (image != null) {
            sized.add(image);
        }
        Map<UUID, AssetCard> cards = sized.isEmpty() ? Map.of() : assets.find(sized);
        return new PostCopy(creative.id(), creative.campaignId(), creative.title(), channel, preview.text(),
                preview.maxChars(), image, video, creative.status(), preview.blocked(), creative.revision(),
                MediaFit.media(channel, image, video, creative.imageVariants(), cards),
                Set.copyOf(creative.channels()));
    }
}
