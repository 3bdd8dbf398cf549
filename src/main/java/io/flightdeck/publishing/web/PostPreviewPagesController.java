package io.flightdeck.publishing.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.content.NetworkPostPreview;
import io.flightdeck.content.NetworkPostPreview.PreviewMedia;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.SandboxFeed;
import io.flightdeck.publishing.channels.SandboxFeed.SandboxPostView;
import io.flightdeck.publishing.posts.ChannelPostView;
import io.flightdeck.publishing.posts.SocialPostReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Posts as their networks show them: a scheduled post before it goes out (from the queue, the calendar and the
 * dead-letter list), and what the sandbox network received. Both are content's {@link NetworkPostPreview} in its one
 * fragment, the same the creative editor and the approval page show.
 */
@Controller
class PostPreviewPagesController {

    private final SocialPostReader reader;
    private final ChannelAccounts accounts;
    private final AssetDirectory assets;
    private final SandboxFeed sandbox;

    PostPreviewPagesController(SocialPostReader reader, ChannelAccounts accounts, AssetDirectory assets,
            SandboxFeed sandbox) {
        this.reader = reader;
        this.accounts = accounts;
        this.assets = assets;
        this.sandbox = sandbox;
    }

    @GetMapping("/social/channel-posts/{id}/preview")
    String preview(@PathVariable UUID id, Model model) {
        ChannelPostView post = reader.getChannelPost(id);
        ChannelAccountView account = accounts.find(List.of(post.accountId())).get(post.accountId());
        model.addAttribute("post", post);
        model.addAttribute("preview", NetworkPostPreview.of(post.channel(), networkName(account), post.accountName(),
                account == null ? null : account.handle(), post.text(), post.firstComment(),
                PreviewMedia.of(post.mediaAssetIds(), assets.find(post.mediaAssetIds())),
                post.publishedAt() != null ? post.publishedAt() : post.scheduledAt()));
        return "publishing/post-preview";
    }

    @GetMapping("/channels/sandbox/posts/{id}")
    String sandboxPost(@PathVariable UUID id, Model model) {
        SandboxPostView post = sandbox.get(id);
        ChannelAccountView account = accounts.find(List.of(post.accountId())).get(post.accountId());
        model.addAttribute("post", post);
        model.addAttribute("preview", NetworkPostPreview.of(post.channel(), post.channel().label() + " (sandbox)",
                post.accountName(), account == null ? null : account.handle(), post.text(), post.firstComment(),
                PreviewMedia.of(post.mediaAssetIds(), assets.find(post.mediaAssetIds())), post.postedAt()));
        return "publishing/sandbox-post";
    }

    private static String networkName(ChannelAccountView account) {
        if (account == null) {
            return "A deleted account";
        }
        return "sandbox".equals(account.network()) ? account.channelLabel() + " (sandbox)" : account.networkName();
    }
}
