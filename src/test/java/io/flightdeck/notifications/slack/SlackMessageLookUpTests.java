package io.flightdeck.notifications.slack;

import static io.flightdeck.notifications.slack.FakeSlackApi.BOT_TOKEN;
import static io.flightdeck.notifications.slack.FakeSlackApi.MEMBER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.flightdeck.notifications.slack.SlackWebApi.Metadata;
import io.flightdeck.notifications.slack.SlackWebApi.Posted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finding a posted message again by its metadata, as the Slack delivery does after a crash. */
class SlackMessageLookUpTests {

    private static final String TYPE = "flightdeck_notification";

    private FakeSlackApi slack;
    private SlackWebApi api;

    @BeforeEach
    void start() throws IOException {
        slack = new FakeSlackApi();
        api = new SlackWebApi(slack.apiBase(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void conversationsOpenAnswersTheMembersDirectMessageChannel() {
        assertThat(api.openDirectMessage(BOT_TOKEN, MEMBER_ID)).isEqualTo("D0FAKEANA1");
        assertThat(slack.calls("conversations.open")).singleElement().satisfies(call -> {
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
            assertThat(call.form()).containsExactly(Map.entry("users", MEMBER_ID));
        });
        assertThat(catchThrowableOfType(SlackApiException.class, () -> api.openDirectMessage(BOT_TOKEN, "U0NOBODY1"))
                .error()).isEqualTo("user_not_found");
    }

    @Test
    void aMessageIsFoundByItsMetadataAmongOthersAndOnlyAfterSince() {
        Instant before = Instant.now().minusSeconds(5);
        Posted wanted = post("d-1");
        post("d-2");

        assertThat(api.findByMetadata(BOT_TOKEN, wanted.channel(), before, TYPE, "delivery", "d-1"))
                .contains(new Posted(wanted.channel(), wanted.ts()));
        assertThat(api.findByMetadata(BOT_TOKEN, wanted.channel(), before, TYPE, "delivery", "d-3")).isEmpty();
        assertThat(api.findByMetadata(BOT_TOKEN, wanted.channel(), before, "other_type", "delivery", "d-1")).isEmpty();
        assertThat(api.findByMetadata(BOT_TOKEN, wanted.channel(), Instant.now().plusSeconds(5), TYPE, "delivery",
                "d-1")).as("posted before since").isEmpty();
        assertThat(slack.calls("conversations.history").get(0).form()).containsEntry("channel", wanted.channel())
                .containsEntry("include_all_metadata", "true").containsEntry("oldest", before.getEpochSecond()
                        + ".000000").containsEntry("limit", "200");
    }

    @Test
    void theLookUpFollowsTheCursorThroughSeveralPages() {
        Instant before = Instant.now().minusSeconds(5);
        Posted oldest = post("first");
        for (int i = 0; i < 250; i++) {
            post("later-" + i);
        }

        Optional<Posted> found = api.findByMetadata(BOT_TOKEN, oldest.channel(), before, TYPE, "delivery", "first");

        assertThat(found).contains(oldest);
        assertThat(slack.calls("conversations.history")).hasSize(2);
        assertThat(slack.calls("conversations.history").get(1).form()).containsKey("cursor");
    }

    @Test
    void aMissingScopeIsARefusalTheCallerSees() {
        Posted posted = post("d-1");
        slack.withhold("im:history");

        SlackApiException refused = catchThrowableOfType(SlackApiException.class, () -> api.findByMetadata(BOT_TOKEN,
                posted.channel(), Instant.now().minusSeconds(5), TYPE, "delivery", "d-1"));

        assertThat(refused.error()).isEqualTo("missing_scope");
        assertThat(refused.permanent()).isTrue();
    }

    private Posted post(String delivery) {
        return api.postMessage(BOT_TOKEN, MEMBER_ID, "Hello", null, new Metadata(TYPE, Map.of("delivery", delivery)));
    }
}
