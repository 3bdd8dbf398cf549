package io.flightdeck.publishing.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the sandbox network holds, for its preview page: a post as its network would show it, with its numbers. */
@Service
@Transactional(readOnly = true)
public class SandboxFeed {

    private final SandboxPostRepository posts;
    private final ChannelAccountRepository accounts;
    private final Clock clock;

    SandboxFeed(SandboxPostRepository posts, ChannelAccountRepository accounts, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A post the sandbox received. */
    public record SandboxPostView(UUID id, UUID accountId, String accountName, Channel channel, String text,
            String firstComment, List<UUID> mediaAssetIds, Instant postedAt, PostMetrics metrics) {
    }

    public SandboxPostView get(UUID id) {
        SandboxPost p = posts.findById(id).orElseThrow(() -> new NotFoundException("Sandbox post"));
        ChannelAccount account = accounts.findById(p.getAccountId()).orElse(null);
        return new SandboxPostView(p.getId(), p.getAccountId(), account == null ? "A deleted account"
                : account.getDisplayName(), account == null ? Channel.LINKEDIN : account.getChannel(), p.getText(),
                p.getFirstComment(), p.getMedia().stream().map(SandboxPost.SandboxMedia::assetId).toList(),
                p.getPostedAt(), SandboxNumbers.at(p.getId(), Duration.between(p.getPostedAt(), clock.instant())));
    }
}
