package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.approvals.ApprovalSubject;
import io.flightdeck.approvals.ApprovalSubjectPreview;
import io.flightdeck.approvals.ApprovalSubjectRequest;
import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.content.NetworkPostPreview;
import io.flightdeck.content.NetworkPostPreview.PreviewMedia;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * What a post's schedule review is about: each of its channels as it will go out — the account, the time (and the
 * account's own where its zone differs), the exact copy, the first comment and the media. The Schedule scope's page lists every post
 * submitted to it this way.
 */
@Component
class PostSubject implements ApprovalSubject {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private final SocialPostRepository posts;
    private final ChannelPostRepository channelPosts;
    private final ChannelAccounts accounts;
    private final AssetDirectory assets;

    PostSubject(SocialPostRepository posts, ChannelPostRepository channelPosts, ChannelAccounts accounts,
            AssetDirectory assets) {
        this.posts = posts;
        this.channelPosts = channelPosts;
        this.accounts = accounts;
        this.assets = assets;
    }

    /** One channel of the post as it will go out: when, and the post exactly as its network will be sent it. */
    public record ChannelUnderReview(String when, String status, Integer creativeVersion, NetworkPostPreview preview) {
    }

    public record PostUnderReview(String title, List<ChannelUnderReview> channels) {
    }

    @Override
    public boolean describes(String scopeKey, String itemType) {
        return PostReviews.SCHEDULE_SCOPE.equals(scopeKey) && PostReviews.POST_ITEM.equals(itemType);
    }

    @Override
    public Optional<ApprovalSubjectPreview> describe(ApprovalSubjectRequest request) {
        return posts.findById(request.itemId()).map(post -> {
            List<ChannelPost> channels = channelPosts.findByPostId(post.getId());
            Map<UUID, ChannelAccountView> byId = accounts.find(channels.stream().map(ChannelPost::getAccountId).toList());
            List<UUID> media = channels.stream().flatMap(c -> c.getCopy().mediaAssetIds().stream()).distinct().toList();
            Map<UUID, AssetCard> cards = assets.find(media);
            // a reader without an account (an external reviewer) cannot open the library: signed links instead
            Map<UUID, String> signed = request.member() ? null : assets.signedPictures(media);
            List<ChannelUnderReview> rows = new ArrayList<>();
            for (ChannelPost c : channels) {
                ChannelAccountView a = byId.get(c.getAccountId());
                NetworkPostPreview preview = NetworkPostPreview.of(c.getChannel(),
                        a == null ? c.getChannel().label() : a.networkName(),
                        a == null ? "A deleted account" : a.displayName(), a == null ? null : a.handle(),
                        c.getCopy().text(), c.getCopy().firstComment(),
                        PreviewMedia.of(c.getCopy().mediaAssetIds(), cards), c.getScheduledAt());
                rows.add(new ChannelUnderReview(when(c.getScheduledAt(), a),
                        c.getStatus().label(), c.getCopy().creativeRevision(),
                        signed == null ? preview : preview.withPictures(signed)));
            }
            // a whole sentence, since messages about the approval (the inbox, Slack) show it without the preview
            String summary = "Revision " + post.getRevision() + " on " + rows.size()
                    + (rows.size() == 1 ? " account: " : " accounts: ") + rows.stream()
                    .map(r -> r.preview().accountName() + " on " + r.preview().networkName() + ", " + r.when())
                    .collect(Collectors.joining("; ")) + ".";
            return new ApprovalSubjectPreview("Post “" + post.getTitle() + "”", summary,
                    request.member() ? "/campaigns/" + post.getCampaignId() + "/tabs/posts#social" : null,
                    "publishing/fragments-approval", "post", new PostUnderReview(post.getTitle(), rows));
        });
    }

    /**
     * When, in the reader's zone like every other time on the page (seen: each account's own zone beside the page's),
     * with the account's local time as well where that differs, since the post's audience reads that clock.
     */
    private static String when(Instant at, ChannelAccountView account) {
        ZoneId reader = CurrentActor.zone();
        String when = WHEN.format(at.atZone(reader)) + " (" + reader.getId() + ")";
        ZoneId there = account == null ? reader : ZoneId.of(account.timeZone());
        if (there.getRules().getOffset(at).equals(reader.getRules().getOffset(at))) {
            return when;
        }
        return when + ", " + LOCAL.format(at.atZone(there)) + " for the account (" + there.getId() + ")";
    }
}
