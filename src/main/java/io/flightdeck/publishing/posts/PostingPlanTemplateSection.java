package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.content.CreativeChoice;
import io.flightdeck.content.CreativeChoices;
import io.flightdeck.content.CreativeCopy;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.posts.SocialScheduler.ScheduleCommand;
import io.flightdeck.publishing.posts.SocialScheduler.Target;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template carries the campaign's posting plan: each post's title, and per channel its account (workspace-wide, so
 * linked), text, first comment, library media and time as minutes from the campaign's first day (UTC). Never a
 * network's id or link, a publish, an error or numbers. The new campaign gets them as posts written anew: each goes to
 * its own review and {@link PostGate} holds it until approved, so nothing is published that nobody approved. A post
 * made from a creative is tied to the new campaign's creative of the same title when the creatives came too.
 */
@Component
class PostingPlanTemplateSection implements CampaignTemplateSection {

    static final int MAX_POSTS = 200;

    private final SocialPostRepository posts;
    private final ChannelPostRepository channelPosts;
    private final SocialScheduler scheduler;
    private final ChannelAccounts accounts;
    private final CreativeCopy creatives;
    private final CreativeChoices choices;
    private final JsonMapper json;
    private final Clock clock;

    PostingPlanTemplateSection(SocialPostRepository posts, ChannelPostRepository channelPosts, SocialScheduler scheduler,
            ChannelAccounts accounts, CreativeCopy creatives, CreativeChoices choices, JsonMapper json, Clock clock) {
        this.posts = posts;
        this.channelPosts = channelPosts;
        this.scheduler = scheduler;
        this.accounts = accounts;
        this.creatives = creatives;
        this.choices = choices;
        this.json = json;
        this.clock = clock;
    }

    /** One channel of a post; {@code afterMinutes} from the campaign's first day at midnight UTC. */
    record PlannedChannelPost(UUID accountId, Channel channel, String text, String firstComment, List<UUID> media,
            long afterMinutes) {
    }

    /** One post; {@code creativeTitle} names the creative it was made from, null for a post written as text. */
    record PlannedPost(String title, String creativeTitle, List<PlannedChannelPost> channels) {
    }

    @Override
    public TemplatePart part() {
        return TemplatePart.CHANNELS;
    }

    @Override
    public Optional<Captured> capture(CampaignSnapshot campaign) {
        List<SocialPost> found = posts.findByCampaignId(campaign.id(),
                PageRequest.of(0, MAX_POSTS, Sort.by("createdAt", "id"))).getContent();
        Map<UUID, List<ChannelPost>> byPost = new java.util.HashMap<>();
        channelPosts.findByPostIds(found.stream().map(SocialPost::getId).toList()).stream()
                .filter(c -> c.getStatus() != ChannelPostStatus.CANCELLED)
                .forEach(c -> byPost.computeIfAbsent(c.getPostId(), k -> new ArrayList<>()).add(c));
        LocalDate base = campaign.startDate() != null ? campaign.startDate() : byPost.values().stream()
                .flatMap(List::stream).map(ChannelPost::getScheduledAt).min(Comparator.naturalOrder())
                .map(at -> at.atZone(ZoneOffset.UTC).toLocalDate()).orElse(null);
        if (base == null) {
            return Optional.empty();
        }
        Instant zero = base.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<PlannedPost> planned = new ArrayList<>();
        for (SocialPost post : found) {
            List<ChannelPost> live = byPost.getOrDefault(post.getId(), List.of());
            if (live.isEmpty()) {
                continue;
            }
            List<PlannedChannelPost> channels = live.stream().sorted(Comparator.comparing(ChannelPost::getScheduledAt))
                    .map(c -> new PlannedChannelPost(c.getAccountId(), c.getChannel(), c.getCopy().text(),
                            c.getCopy().firstComment(), List.copyOf(c.getCopy().mediaAssetIds()),
                            Duration.between(zero, c.getScheduledAt()).toMinutes())).toList();
            String creativeTitle = post.getCreativeId() == null ? null : creatives
                    .forChannel(post.getCreativeId(), live.get(0).getChannel()).map(CreativeCopy.PostCopy::title)
                    .orElse(null);
            planned.add(new PlannedPost(post.getTitle(), creativeTitle, channels));
        }
        if (planned.isEmpty()) {
            return Optional.empty();
        }
        long count = planned.stream().mapToLong(p -> p.channels().size()).sum();
        return Optional.of(new Captured(json.valueToTree(planned), planned.size()
                + (planned.size() == 1 ? " post on " : " posts on ") + count + (count == 1 ? " channel" : " channels")));
    }

    @Override
    public List<String> apply(CampaignSnapshot campaign, JsonNode content, TemplateCopy copy) {
        LocalDate start = campaign.startDate() != null ? campaign.startDate() : LocalDate.now(clock);
        Instant zero = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        // a time this close or already past is left to the channel's next best time rather than refused
        Instant earliest = clock.instant().plus(Duration.ofMinutes(5));
        for (JsonNode node : content) {
            PlannedPost post = json.treeToValue(node, PlannedPost.class);
            Map<UUID, ChannelAccountView> found = accounts.find(post.channels().stream()
                    .map(PlannedChannelPost::accountId).toList());
            // an account disconnected since is left out: a person connects it again and adds the post there
            List<PlannedChannelPost> usable = post.channels().stream().filter(c -> found.get(c.accountId()) != null
                    && !found.get(c.accountId()).disconnected()).toList();
            if (usable.isEmpty()) {
                continue;
            }
            List<Target> targets = usable.stream().map(c -> {
                Instant at = zero.plus(Duration.ofMinutes(c.afterMinutes()));
                return new Target(c.accountId(), c.text(), c.firstComment(), at.isBefore(earliest) ? null : at);
            }).toList();
            List<UUID> media = usable.get(0).media();
            scheduler.schedule(new ScheduleCommand(campaign.id(), creative(campaign.id(), post.creativeTitle()), null,
                    post.title(), targets, null, null, null, media, null));
        }
        return List.of();
    }

    /** The new campaign's creative of that title, which the creatives part made just before; null without one. */
    private UUID creative(UUID campaignId, String title) {
        if (title == null) {
            return null;
        }
        return choices.search(title, PageRequest.of(0, 50)).stream()
                .filter(c -> c.campaignId().equals(campaignId) && c.title().equals(title))
                .map(CreativeChoice::id).findFirst().orElse(null);
    }
}
