package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A post makes its channels: each belongs to the post and its campaign and carries the post's creative. */
class SocialPostTests {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aChannelOfAPostCarriesItsCampaignAndCreative() {
        UUID campaign = UUID.randomUUID();
        UUID creative = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        UUID image = UUID.randomUUID();
        SocialPost post = new SocialPost(campaign, creative, null, "Spring roast", UUID.randomUUID(), NOW);

        ChannelPost channel = post.channelPost(account, Channel.LINKEDIN, "Spring roast is back", "More soon",
                List.of(image), NOW.plusSeconds(3600), PlannedBy.BEST_TIME, 2, 4, NOW);

        assertThat(channel.getPostId()).isEqualTo(post.getId());
        assertThat(channel.getCampaignId()).isEqualTo(campaign);
        assertThat(channel.getAccountId()).isEqualTo(account);
        assertThat(channel.getChannel()).isEqualTo(Channel.LINKEDIN);
        assertThat(channel.getCopy().creativeId()).isEqualTo(creative);
        assertThat(channel.getCopy().creativeRevision()).isEqualTo(4);
        assertThat(channel.getCopy().text()).isEqualTo("Spring roast is back");
        assertThat(channel.getCopy().firstComment()).isEqualTo("More soon");
        assertThat(channel.getCopy().mediaAssetIds()).containsExactly(image);
        assertThat(channel.getScheduledAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(channel.getPlannedBy()).isEqualTo(PlannedBy.BEST_TIME);
        assertThat(channel.getRetries().allowed()).isEqualTo(2);
        assertThat(channel.getStatus()).isEqualTo(ChannelPostStatus.SCHEDULED);
    }
}
