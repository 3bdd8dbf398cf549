package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.bulk.BulkTargetSupport;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Social posts for bulk operations, one item per channel post (a post on one network), as the posts list shows them:
 * reschedule (shift the time by whole days) and cancel, each through {@link SocialScheduler} as a single change is, so
 * the state moves, the minimum gap between posts and schedule review apply. Nothing here publishes: a rescheduled post
 * still goes out only when the post gate lets it, at its time. Bulk publishing is left out on purpose.
 * <p>
 * Undo of a reschedule puts the time before back, unless the post was changed since (its version moved) or has been
 * published. A cancel cannot be undone: a cancelled channel post has no way back to scheduled.
 */
@Component
class PostBulkTarget extends BulkTargetSupport {

    static final String RESCHEDULE = "reschedule";
    static final String CANCEL = "cancel";

    private static final List<BulkAction> ACTIONS = List.of(
            new BulkAction(RESCHEDULE, "Reschedule", Role.CONTRIBUTOR, List.of("shiftDays"), true),
            new BulkAction(CANCEL, "Cancel", Role.CONTRIBUTOR, List.of(), false));

    private final SocialScheduler scheduler;
    private final ChannelPostRepository channelPosts;
    private final SocialPostRepository posts;

    /** A post of the search box ({@code post}) is one post on one network, as here. */
    PostBulkTarget(SocialScheduler scheduler, ChannelPostRepository channelPosts, SocialPostRepository posts) {
        super("posts", "Posts", "post", ACTIONS);
        this.scheduler = scheduler;
        this.channelPosts = channelPosts;
        this.posts = posts;
    }

    @Override
    public void check(String action, BulkParams params) {
        if (RESCHEDULE.equals(action)) {
            checkShift(params.shiftDays());
        }
    }

    @Override
    public String name(UUID id) {
        return channelPosts.findById(id).map(p -> posts.findById(p.getPostId()).map(SocialPost::getTitle)
                .orElse("Post") + " (" + p.getChannel().label() + ")").orElse(null);
    }

    /** Two queries: the channel posts, then the posts they belong to, for the titles. */
    @Override
    public Map<UUID, String> names(Collection<UUID> ids) {
        List<ChannelPost> found = channelPosts.findAllById(ids);
        Map<UUID, String> titles = namesOf(posts.findAllById(found.stream().map(ChannelPost::getPostId)
                .collect(Collectors.toSet())), SocialPost::getId, SocialPost::getTitle);
        return namesOf(found, ChannelPost::getId,
                p -> titles.getOrDefault(p.getPostId(), "Post") + " (" + p.getChannel().label() + ")");
    }

    @Override
    public Map<String, String> apply(UUID id, String action, BulkParams params) {
        ChannelPost post = live(id);
        Map<String, String> before = new HashMap<>();
        switch (action) {
            case RESCHEDULE -> {
                if (post.getScheduledAt() == null) {
                    throw new InvalidInputException("shiftDays", "This post has no time to shift");
                }
                before.put("scheduledAt", post.getScheduledAt().toString());
                scheduler.reschedule(id, post.getScheduledAt().plus(Duration.ofDays(params.shiftDays())),
                        post.getVersion());
            }
            case CANCEL -> scheduler.cancel(id);
            default -> throw new InvalidInputException("action", "posts have no action " + action);
        }
        return withVersionAfter(before, channelPosts, id, ChannelPost::getVersion);
    }

    @Override
    public void undo(UUID id, String action, Map<String, String> restore) {
        ChannelPost post = live(id);
        if (post.getStatus() == ChannelPostStatus.PUBLISHED) {
            throw new ConflictException("already-published", "The post was published since; it stays as it went out");
        }
        unchangedSince(post.getVersion(), restore, "The post");
        if (!RESCHEDULE.equals(action)) {
            throw new ConflictException("not-undoable", "A cancelled post cannot be scheduled again by an undo");
        }
        scheduler.reschedule(id, Instant.parse(restore.get("scheduledAt")), post.getVersion());
    }

    private ChannelPost live(UUID id) {
        return channelPosts.findById(id).orElseThrow(() -> new NotFoundException("The post"));
    }
}
