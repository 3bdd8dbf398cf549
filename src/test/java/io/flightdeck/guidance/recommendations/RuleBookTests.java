package io.flightdeck.guidance.recommendations;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.flightdeck.campaigns.CampaignStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleBookTests {

    private static final String GOOD = """
            {"id": "failed-post-recovery", "version": 2, "kind": "FAILED_POST_RECOVERY", "enabledByDefault": false,
             "statuses": ["active", "PAUSED"], "title": "Retry {posts}", "why": "On {channels}.", "effect": "Out.",
             "effort": "LOW", "action": {"label": "Retry", "link": "/campaigns/{campaignId}/tabs/posts"},
             "thresholds": {"minPosts": 2}}
            """;

    @Test
    void theShippedRulesLoadOnePerKindAndTwoForPosts() {
        RuleBook book = new RuleBook();
        assertThat(book.all()).extracting(RuleDefinition::id).containsExactly("best-posting-times", "content-refresh",
                "failed-post-recovery", "failed-send-recovery", "in-doubt-post-recovery", "pacing-off-plan",
                "underperforming-channel");
        assertThat(book.all()).extracting(RuleDefinition::kind).containsExactlyInAnyOrder(RuleKind.values());
        assertThat(book.all()).allSatisfy(rule -> assertThat(rule.enabledByDefault()).isTrue());
        RuleDefinition channel = book.require("underperforming-channel");
        assertThat(channel.thresholds()).containsEntry("maxShareOfWorkspaceRate", 0.5)
                .containsEntry("minImpressions", 1000.0);
        assertThat(channel.statuses()).containsExactly("ACTIVE");
        assertThat(book.require("failed-post-recovery").statuses()).isEmpty();
        assertThat(book.find("no-such-rule")).isEmpty();
    }

    @Test
    void aGoodFileReadsWithItsStatusesInCapitals() {
        RuleDefinition rule = read("failed-post-recovery.json", GOOD);
        assertThat(rule.version()).isEqualTo(2);
        assertThat(rule.enabledByDefault()).isFalse();
        assertThat(rule.statuses()).containsExactlyInAnyOrder("ACTIVE", "PAUSED");
        assertThat(rule.appliesTo("ACTIVE")).isTrue();
        assertThat(rule.appliesTo("DRAFT")).isFalse();
    }

    @Test
    void aBrokenFileStopsTheStartNamingTheFileAndEachProblem() {
        assertThatThrownBy(() -> new RuleBook("classpath*:guidance/test-rules/broken/*.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Broken guidance rule file underperforming-channel.json: ")
                .hasMessageContaining("title uses {ratio}, which UNDERPERFORMING_CHANNEL does not fill")
                .hasMessageContaining("thresholds.minImpressions is required for UNDERPERFORMING_CHANNEL")
                .hasMessageContaining("guidance/test-rules/broken/underperforming-channel.json");
    }

    @Test
    void noFilesOrTheSameRuleTwiceStopTheStart() {
        assertThatThrownBy(() -> new RuleBook("classpath*:guidance/test-rules/none/*.json"))
                .hasMessage("No guidance rule files at classpath*:guidance/test-rules/none/*.json");
        assertThatThrownBy(() -> new RuleBook("classpath*:guidance/test-rules/twice-*/*.json"))
                .hasMessageStartingWith("Two guidance rule files define failed-post-recovery: ");
    }

    @Test
    void eachMistakeIsNamed() {
        assertProblem(GOOD.replace("\"FAILED_POST_RECOVERY\"", "\"FAILED_POSTS\""), "kind must be one of");
        assertProblem(GOOD.replace("\"version\": 2", "\"version\": 0"), "version must be a whole number of at least 1");
        assertProblem(GOOD.replace("\"enabledByDefault\": false,", ""), "enabledByDefault must be true or false");
        assertProblem(GOOD.replace("\"PAUSED\"", "\"RUNNING\""), "statuses names RUNNING, which is not a campaign status");
        assertProblem(GOOD.replace("Retry {posts}", "Retry {posts"), "title has a brace that is not a placeholder");
        assertProblem(GOOD.replace("\"why\": \"On {channels}.\"", "\"why\": \" \""), "why is required");
        assertProblem(GOOD.replace("\"LOW\"", "\"TINY\""), "effort must be one of [LOW, MEDIUM, HIGH], not TINY");
        assertProblem(GOOD.replace("\"link\": \"/campaigns", "\"link\": \"campaigns"),
                "action.link must be a path starting with a slash");
        assertProblem(GOOD.replace("{\"minPosts\": 2}", "{\"minPosts\": 2, \"maxPosts\": 9}"),
                "thresholds [maxPosts] are not thresholds of FAILED_POST_RECOVERY (it has [minPosts])");
        assertProblem(GOOD.replace("{\"minPosts\": 2}", "{\"minPosts\": -1}"),
                "thresholds.minPosts must be a number of at least 0, not -1.0");
        assertProblem(GOOD.replace("\"thresholds\"", "\"tresholds\""), "not a rule file: Unrecognized property");
        assertProblem("{", "not a rule file");
        assertThatThrownBy(() -> read("failed-posts.json", GOOD))
                .hasMessage("failed-posts.json: id failed-post-recovery must match the file's name "
                        + "(failed-post-recovery.json)");
    }

    @Test
    void theStatusesARuleMayNameAreTheCampaignsOwn() {
        assertThat(RuleFiles.CAMPAIGN_STATUSES)
                .containsExactlyElementsOf(Arrays.stream(CampaignStatus.values()).map(Enum::name).toList());
    }

    private static void assertProblem(String json, String problem) {
        assertThatThrownBy(() -> read("failed-post-recovery.json", json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("failed-post-recovery.json: ")
                .hasMessageContaining(problem);
    }

    private static RuleDefinition read(String fileName, String json) {
        return RuleFiles.read(fileName, json.getBytes(StandardCharsets.UTF_8));
    }
}
