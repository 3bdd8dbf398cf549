package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.campaigns.CampaignJournal;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.CreativeCopy;
import io.flightdeck.content.CreativeCopy.PostCopy;
import io.flightdeck.content.NetworkLength;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.posts.SocialScheduler.ScheduleCommand;
import io.flightdeck.publishing.posts.SocialScheduler.Target;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Text;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new post: always the copy of a creative on each network (a post written as text gets a creative made behind it;
 * a network's text that differs from the creative's is written to the creative as that network's own), with the
 * creative's revision recorded on each channel, the media that suit each network, and the post sent to schedule review.
 * Everything is checked before anything is written.
 */
@Service
@Transactional
class NewPosts {

    static final int MAX_MEDIA = 4;

    private final SocialPostRepository posts;
    private final ChannelPostRepository channelPosts;
    private final ChannelAccounts accounts;
    private final CreativeCopy creatives;
    private final AssetDirectory assets;
    private final PostTimes times;
    private final Jobs jobs;
    private final PostReviews reviews;
    private final PublishingProperties properties;
    private final CampaignJournal journal;
    private final Clock clock;

    NewPosts(SocialPostRepository posts, ChannelPostRepository channelPosts, ChannelAccounts accounts,
            CreativeCopy creatives, AssetDirectory assets, PostTimes times, Jobs jobs, PostReviews reviews,
            PublishingProperties properties, CampaignJournal journal, Clock clock) {
        this.journal = journal;
        this.posts = posts;
        this.channelPosts = channelPosts;
        this.accounts = accounts;
        this.creatives = creatives;
        this.assets = assets;
        this.times = times;
        this.jobs = jobs;
        this.reviews = reviews;
        this.properties = properties;
        this.clock = clock;
    }

    private record Planned(ChannelAccountView account, String text, String comment, List<UUID> media, Instant at,
            PlannedBy by, Map<String, String> options) {
    }

    /** The post and its channels, as written. */
    record Created(SocialPost post, List<ChannelPost> channels) {
    }

    Created schedule(CampaignSnapshot campaign, ScheduleCommand command) {
        Instant now = clock.instant();
        int maxRetries = command.maxRetries() == null ? properties.maxRetries() : command.maxRetries();
        SchedulingRules.refuse(SchedulingRules.targets(command.targets(), maxRetries));
        Map<UUID, ChannelAccountView> found = accounts.find(command.targets().stream().map(Target::accountId).toList());
        Map<Channel, PostCopy> copies = new HashMap<>();
        String base = command.creativeId() == null ? firstNonBlank(command.text(), command.targets().get(0).text()) : null;
        List<Planned> planned = new ArrayList<>();
        Map<Channel, List<Instant>> takenHere = new HashMap<>();
        Map<Channel, String> textByChannel = new HashMap<>();
        Map<Channel, String> ownTexts = new LinkedHashMap<>();
        for (int i = 0; i < command.targets().size(); i++) {
            Target t = command.targets().get(i);
            String field = "targets[" + i + "]";
            ChannelAccountView account = found.get(t.accountId());
            SchedulingRules.refuse(SchedulingRules.connected(field + ".accountId", account));
            SchedulingRules.refuse(SchedulingRules.options(field + ".options", t.options()));
            Channel channel = account.channel();
            PostCopy copy = command.creativeId() == null ? null
                    : copies.computeIfAbsent(channel, c -> copy(command.creativeId(), campaign.id(), c, command));
            String text = command.creativeId() == null ? firstNonBlank(t.text(), base)
                    : firstNonBlank(t.text(), command.text(), copy.text());
            if (text == null) {
                throw new InvalidInputException(field + ".text", "Write the post's text, or choose a creative.");
            }
            SchedulingRules.refuse(SchedulingRules.length(field + ".text", text, channel));
            SchedulingRules.refuse(SchedulingRules.oneCopyPerNetwork(field + ".text", channel, text,
                    textByChannel.get(channel)));
            textByChannel.put(channel, text);
            if (!text.equals(copy != null ? firstNonBlank(copy.text()) : base)) {
                ownTexts.put(channel, text);
            }
            String comment = firstNonBlank(t.firstComment(), command.firstComment());
            if (comment != null) {
                SchedulingRules.refuse(SchedulingRules.length(field + ".firstComment", comment, channel));
            }
            List<UUID> media = command.mediaAssetIds() != null ? checkedMedia(command.mediaAssetIds())
                    : copy == null ? List.of() : copy.media();
            Instant at = t.at() != null ? t.at() : command.at();
            PlannedBy by = PlannedBy.PERSON;
            List<Instant> earlier = takenHere.getOrDefault(channel, List.of());
            if (at == null) {
                List<Instant> taken = new ArrayList<>(earlier);
                taken.addAll(times.taken(campaign.id(), channel, now, times.horizon(now), List.of()));
                at = times.bestTime(account, now, taken);
                by = PlannedBy.BEST_TIME;
            } else {
                times.requireFree(field + ".at", at, now, campaign.id(), channel, earlier, List.of());
            }
            takenHere.computeIfAbsent(channel, c -> new ArrayList<>()).add(at);
            planned.add(new Planned(account, text, comment, media, at, by, t.options() == null ? Map.of() : t.options()));
        }
        String title = firstNonBlank(command.title(), copies.isEmpty() ? null : copies.values().iterator().next().title(),
                abbreviate(planned.get(0).text()));
        SchedulingRules.refuse(SchedulingRules.title(title));
        // checked: now the creative behind the post, and each network's own words on it
        Set<Channel> channels = new LinkedHashSet<>(planned.stream().map(p -> p.account().channel()).toList());
        UUID creativeId = command.creativeId() != null ? command.creativeId()
                : creatives.createForPost(campaign.id(), title, channels, base);
        ownTexts.forEach((channel, text) -> creatives.writeChannelText(creativeId, channel, text));
        creatives.submitForPosting(creativeId);
        SocialPost post = posts.save(new SocialPost(campaign.id(), creativeId, null, title,
                CurrentActor.find().map(a -> a.userId()).orElse(null), now));
        List<ChannelPost> created = new ArrayList<>();
        Map<Channel, PostCopy> carried = new HashMap<>();
        for (Planned p : planned) {
            Channel channel = p.account().channel();
            PostCopy current = carried.computeIfAbsent(channel, c -> creatives.forChannel(creativeId, c).orElseThrow());
            ChannelPost channelPost = post.channelPost(p.account().id(), channel, p.text(), p.comment(), p.media(),
                    p.at(), p.by(), maxRetries, current.revision(), now);
            channelPost.chosen(p.options());
            created.add(channelPosts.save(channelPost));
        }
        channelPosts.flush();
        reviews.submit(post, channels.stream().map(Channel::label).toList());
        var actor = CurrentActor.find();
        journal.record(campaign.id(), "post-scheduled:" + post.getId(), actor.map(a -> a.userId()).orElse(null),
                actor.map(a -> a.displayName()).orElse("Flightdeck"), "post.scheduled", "scheduled “" + title + "” to "
                        + String.join(", ", planned.stream().map(p -> p.account().displayName()).toList()), now);
        for (ChannelPost c : created) {
            jobs.schedule(PostJobs.CHANNEL_POST, TenantScope.require(), c.getId(), c.getScheduledAt());
        }
        return new Created(post, created);
    }

    private PostCopy copy(UUID creativeId, UUID campaignId, Channel channel, ScheduleCommand command) {
        PostCopy copy = creatives.forChannel(creativeId, channel)
                .orElseThrow(() -> new InvalidInputException("creativeId", "No such creative here."));
        if (!copy.campaignId().equals(campaignId)) {
            throw new InvalidInputException("creativeId", "The creative belongs to another campaign.");
        }
        if (command.creativeVersion() != null && command.creativeVersion() != copy.revision()) {
            throw new ConflictException("creative-changed", "The creative changed since version "
                    + command.creativeVersion() + "; it is at version " + copy.revision() + ". Look at it again.");
        }
        return copy;
    }

    List<UUID> checkedMedia(List<UUID> ids) {
        if (ids.size() > MAX_MEDIA) {
            throw new InvalidInputException("mediaAssetIds", "At most " + MAX_MEDIA + " files in one post.");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                throw new InvalidInputException("mediaAssetIds[" + i + "]", "Choose a file.");
            }
        }
        Map<UUID, AssetCard> cards = assets.find(ids);
        for (int i = 0; i < ids.size(); i++) {
            AssetCard card = cards.get(ids.get(i));
            if (card == null || card.archived()) {
                throw new InvalidInputException("mediaAssetIds[" + i + "]", "No such asset in the library.");
            }
            if (card.mimeType() == null || !(card.mimeType().startsWith("image/") || card.mimeType().startsWith("video/"))) {
                throw new InvalidInputException("mediaAssetIds[" + i + "]", "Only images and videos can be attached.");
            }
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return NetworkLength.oneCharacterLineBreaks(v.strip());
            }
        }
        return null;
    }

    static String abbreviate(String text) {
        String line = text.strip().split("\\R", 2)[0];
        return Text.cut(line, 80);
    }
}
