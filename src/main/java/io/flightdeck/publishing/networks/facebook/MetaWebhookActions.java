package io.flightdeck.publishing.networks.facebook;

import java.util.LinkedHashSet;
import java.util.Set;

import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.ChannelAccounts.AccountOnNetwork;
import io.flightdeck.publishing.posts.NetworkNews;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.webhooks.MetaSignedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What a verified Meta delivery changes. A Page's {@code feed} change, as Meta's webhooks reference for the Page object
 * describes it (developers.facebook.com/docs/graph-api/webhooks/reference/page, field {@code feed}: {@code value.item}
 * such as status, photo, video or share, {@code value.verb} add, edited or remove, {@code value.post_id} and for a video
 * {@code value.video_id}): a post added on a Page asks the Page's posts in doubt again through the adapter's lookup; a
 * post removed there is recorded on the published post it names. A deauthorize callback breaks the Page it names as a
 * refused token does. Accounts are found across workspaces by the Page's id and every change is made in the account's
 * own workspace; a Page no workspace has is ignored. Each step is idempotent, because Meta delivers again whatever was
 * not answered in time.
 */
@Component
class MetaWebhookActions {

    /** Feed items that are posts of the Page; comments, reactions and the like are not. */
    private static final Set<String> POST_ITEMS = Set.of("status", "post", "photo", "video", "share", "link", "reel");
    private static final Logger log = LoggerFactory.getLogger(MetaWebhookActions.class);

    private final ChannelAccounts accounts;
    private final NetworkNews news;

    MetaWebhookActions(ChannelAccounts accounts, NetworkNews news) {
        this.accounts = accounts;
        this.news = news;
    }

    /** A verified delivery of the Page object; other objects are only acknowledged. */
    void delivered(JsonNode root) {
        if (!"page".equals(root.path("object").asString(""))) {
            return;
        }
        for (JsonNode entry : root.path("entry")) {
            String pageId = entry.path("id").asString("");
            for (JsonNode change : entry.path("changes")) {
                if ("feed".equals(change.path("field").asString(""))) {
                    feed(pageId, change.path("value"));
                }
            }
        }
    }

    private void feed(String pageId, JsonNode value) {
        String item = value.path("item").asString("");
        String verb = value.path("verb").asString("");
        if (!POST_ITEMS.contains(item) || !("add".equals(verb) || "remove".equals(verb))) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String field : new String[] {"post_id", "video_id"}) {
            String id = value.path(field).asString("");
            if (!id.isBlank()) {
                ids.add(id);
            }
        }
        for (AccountOnNetwork account : accounts.everywhere(FacebookChannel.NETWORK, pageId)) {
            TenantScope.run(account.workspaceId(), () -> {
                if ("add".equals(verb)) {
                    int settled = news.newPostOn(account.accountId());
                    if (settled > 0) {
                        log.info("Facebook Page {}: a new post settled {} post(s) in doubt", pageId, settled);
                    }
                } else {
                    news.removedFrom(account.accountId(), ids, "Facebook");
                }
            });
        }
    }

    /**
     * Meta's deauthorize callback: the Page (or person) removed the app, so every token through it is refused from now
     * on. The Page's accounts are broken as a refused token breaks them, so their owners are told; a person's removal
     * names only their app-scoped id, which Flightdeck does not keep with a Page, and is noticed at the Page's next call.
     */
    void deauthorized(MetaSignedRequest request) {
        for (String id : new String[] {request.profileId(), request.userId()}) {
            for (AccountOnNetwork account : accounts.everywhere(FacebookChannel.NETWORK, id)) {
                if (!account.broken()) {
                    TenantScope.run(account.workspaceId(), () -> accounts.markBroken(account.accountId(),
                            "Facebook says the app's permission for this Page was removed: connect the Page again."));
                }
            }
        }
    }
}
