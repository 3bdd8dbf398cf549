package io.flightdeck.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.assets.AssetSamples;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.NetworkLength;
import io.flightdeck.publishing.channels.SandboxFeed;
import io.flightdeck.publishing.channels.SandboxFeed.SandboxPostView;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview is the post: 50 creatives written by the built-in generator for X and LinkedIn (some captions then
 * rewritten with links with and without a scheme, emoji with skin tones and ZWJ sequences, CJK, Korean, Cyrillic and
 * Arabic text, some with an image), each previewed through the API, scheduled from the creative, published now on
 * the sandbox network, and what the sandbox recorded compared with the preview: the same text, the same files, and the
 * same count as the network counts it.
 */
@FlightdeckTest
class PreviewMatchesSandboxTests {

    private static final int CREATIVES = 50;
    private static final String CREATIVES_API = "/api/v1/content/creatives";
    private static final List<String> TOPICS = List.of("Our single-origin Ethiopian roast", "The spring seasonal blend",
            "Cold brew at home in four steps", "Meet the farmers behind our Colombian beans",
            "Why we roast on Tuesdays", "Oat milk flat whites now on the menu", "A decaf you will not regret",
            "The new compostable coffee pods", "Barista training for home brewers", "Our café opens in Leeds");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    SandboxFeed sandbox;

    /** What the preview said a network would get. */
    private record Expected(String creative, Channel channel, String text, int count, List<String> media) {
    }

    @Test
    void whatTheSandboxReceivesIsWhatThePreviewShowedTextFilesAndCount() {
        ApprovalRequests requests = new ApprovalRequests(mvc);
        Member owner = workspaces.withoutApprovals("Preview");
        String campaign = requests.campaign(owner, "Spring roast");
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", """
                {"platforms":["LINKEDIN","TWITTER"],"goals":["Drive online sales"],"targetAudience":"Busy commuters",
                 "contentPillars":["Craft","Sustainability"],"brandTone":"warm and friendly"}""")).hasStatus(201);
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        String x = account(owner, "Roastery on X", "TWITTER");
        String linkedIn = account(owner, "Roastery on LinkedIn", "LINKEDIN");
        String image = Json.read(api.as(owner).upload("/api/v1/campaign-assets/assets", "roast.png",
                AssetSamples.png(11, 640, 480)), "$.asset.id");

        Map<String, Expected> expected = new LinkedHashMap<>();
        List<String> posts = new ArrayList<>();
        Instant first = Instant.now().plus(Duration.ofDays(2));
        for (int i = 0; i < CREATIVES; i++) {
            String creative = creative(owner, campaign, i, image);
            MvcTestResult preview = api.as(owner).get(CREATIVES_API + "/" + creative + "/preview");
            assertThat(preview).hasStatusOk();
            for (Channel channel : List.of(Channel.TWITTER, Channel.LINKEDIN)) {
                String at = "$[?(@.channel == '" + channel + "')].post";
                String text = Json.<List<String>>read(preview, at + ".text").get(0);
                int count = Json.<List<Integer>>read(preview, at + ".count").get(0);
                List<String> media = Json.read(preview, at + ".media[*].assetId");
                assertThat(count).as("creative %d on %s fits: %s", i, channel, text)
                        .isLessThanOrEqualTo(NetworkLength.limit(channel));
                expected.put(creative + channel, new Expected(creative, channel, text, count, media));
            }
            // one post per creative to both accounts, three hours apart so the campaign's minimum gap holds, then now
            // whatever the gap (publish now keeps it unless asked not to)
            MvcTestResult scheduled = api.as(owner).post("/api/v1/social/schedule-multi-platform", """
                    {"campaignId":"%s","creativeId":"%s","at":"%s","targets":[{"accountId":"%s"},{"accountId":"%s"}]}"""
                    .formatted(campaign, creative, first.plus(Duration.ofHours(3L * i)), x, linkedIn));
            assertThat(scheduled).as("creative %d scheduled", i).hasStatus(201);
            String post = Json.read(scheduled, "$.id");
            assertThat(api.as(owner).post("/api/v1/social/posts/" + post + "/publish?keepGap=false")).hasStatusOk();
            posts.add(post);
        }

        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
            MvcTestResult queue = api.as(owner).get("/api/v1/social/queue/" + campaign + "?size=100");
            return Json.<List<String>>read(queue, "$.items[*].channels[?(@.status != 'PUBLISHED')].id").isEmpty()
                    && Json.<List<String>>read(queue, "$.items[*].channels[*].id").size() == 2 * CREATIVES;
        });

        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (String post : posts) {
            MvcTestResult read = api.as(owner).get("/api/v1/social/posts/" + post);
            String creative = Json.read(read, "$.creativeId");
            List<String> channels = Json.read(read, "$.channels[*].channel");
            List<String> externalIds = Json.read(read, "$.channels[*].externalId");
            for (int c = 0; c < channels.size(); c++) {
                Expected want = expected.get(creative + channels.get(c));
                UUID sandboxPost = UUID.fromString(externalIds.get(c));
                SandboxPostView got = TenantScope.call(owner.workspaceId(), () -> sandbox.get(sandboxPost));
                soft.assertThat(got.text()).as("text on %s of %s", want.channel(), creative).isEqualTo(want.text());
                soft.assertThat(NetworkLength.of(got.channel(), got.text()))
                        .as("count on %s of %s", want.channel(), creative).isEqualTo(want.count());
                soft.assertThat(got.mediaAssetIds()).extracting(UUID::toString)
                        .as("files on %s of %s", want.channel(), creative).containsExactlyElementsOf(want.media());
                compared++;
            }
        }
        soft.assertAll();
        assertThat(compared).isEqualTo(2 * CREATIVES);
    }

    private String account(Member owner, String name, String channel) {
        MvcTestResult created = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"%s","channel":"%s","timeZone":"UTC","settings":{"mode":"NORMAL"}}"""
                .formatted(name, channel));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    /** A generated creative; most captions then rewritten by a person in one of the ways that count differently. */
    private String creative(Member owner, String campaign, int i, String image) {
        MvcTestResult created = api.as(owner).post(CREATIVES_API, """
                {"campaignId":"%s","title":"Creative %d","topic":"%s","channels":["TWITTER","LINKEDIN"]}"""
                .formatted(campaign, i, TOPICS.get(i % TOPICS.size())));
        assertThat(created).as("creative %d", i).hasStatus(201);
        String id = Json.read(created, "$.id");
        String caption = caption(i);
        if (caption != null) {
            assertThat(api.as(owner).put(CREATIVES_API + "/" + id + "/components/caption",
                    Map.of("text", caption))).hasStatusOk();
        }
        if (i % 4 == 1) {
            assertThat(api.as(owner).put(CREATIVES_API + "/" + id + "/components/image",
                    Map.of("assetId", image))).hasStatusOk();
        }
        return id;
    }

    /** Null keeps the generator's caption. */
    private static String caption(int i) {
        return switch (i % 10) {
            case 1 -> "Fresh from the roaster, batch " + i + ": https://roastery.com/spring?utm_source=preview&n=" + i
                    + "&campaign=spring-roast-" + "x".repeat(40) + " Order by Friday.";
            case 2 -> "Menu and hours at roastery.com/menu ☕ See you soon, batch " + i + ".";
            case 3 -> "春の焙煎が戻ってきました。限定 " + i + " 袋、お早めに！ https://roastery.com/jp";
            case 4 -> "Наш весенний обжиг снова здесь. Партия " + i + " — попробуйте первыми! 🌱";
            case 5 -> "Family roast day 👨‍👩‍👧‍👦 Thumbs up 👍🏽 from batch " + i + " ✨ example.com/family";
            case 7 -> "커피 한 잔의 여유 ☕ 배치 " + i + " — roastery.com/kr";
            case 8 -> "قهوة الربيع وصلت! الدفعة " + i + " 🌿 https://roastery.com/ar";
            case 9 -> "From 🇪🇹 Ethiopia and 🇨🇴 Colombia…\n\nTwo origins, one roast (batch " + i + "). Read more: "
                    + "https://roastery.com/origins and www.roastery.com/farmers 🙌🏾";
            default -> null;
        };
    }
}
