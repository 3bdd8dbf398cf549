package io.flightdeck.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A/B tests on a real SMTP conversation with a controlled clock: the test group gets its variants (exactly the test
 * share, split evenly), the rest waits; when the decision time comes, the variant people clicked wins with the
 * confidence shown and goes to the rest, each person once. An inconclusive test under the wait rule sends nothing
 * more until a person picks; opens need the marketer to accept their warning; a test is set up only while the email
 * can change, only by contributors, and not at all from another workspace.
 */
class EmailAbTestsTests extends EmailSendingContext {

    @Autowired
    io.flightdeck.support.WebSessions web;

    @Test
    void theAbStepSetsATestUpAndTheEmailsPageFollowsItUntilAPersonPicks() throws Exception {
        Member owner = workspaces.withoutApprovals("A/B pages");
        String campaign = launched(owner);
        String email = email(owner, campaign, list(owner, "Four", people(owner, "page", 4)));
        String path = "/email/campaigns/" + email;
        org.springframework.mock.web.MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, path + "?step=ab")).contains("A/B test", "Variant B", "None", "Save the test");
        MvcTestResult opens = web.post(session, path + "/ab-test", "subjectB", "Hurry", "metric", "OPENS");
        assertThat(opens.getResponse().getRedirectedUrl()).endsWith("?step=ab");
        assertThat(opens.getMvcResult().getFlashMap().get("flash").toString()).contains("Opens mislead");
        MvcTestResult saved = web.post(session, path + "/ab-test", "subjectB", "Hurry, {{first_name | \"friend\"}}",
                "testShare", "50", "decideAfterHours", "1", "minimumSample", "1", "confidencePercent", "90",
                "ifInconclusive", "WAIT");
        assertThat(saved.getResponse().getRedirectedUrl()).endsWith("?step=schedule");
        assertThat(web.page(session, path + "?step=ab")).contains("value=\"Hurry, {{first_name", "Set up", "Drop the A/B test");
        assertThat(web.page(session, path + "?step=review")).contains("A and 1 more to 50 % of the audience");

        assertThat(web.post(session, path + "/send")).hasStatus3xxRedirection();
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo("page").size() == 2);
        String testing = web.page(session, path);
        assertThat(testing).contains("For the winner", "Testing", "Send A to the rest", "Send B to the rest");
        assertThat(web.fragment(session, path)).contains("Send B to the rest");
        assertThat(web.post(session, path + "/ab-test/pick", "variant", "B")).hasStatus3xxRedirection();
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo("page").size() == 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> web.page(session, path).contains("Variant B to the rest"));
        assertThat(web.page(session, path)).doesNotContain("Send A to the rest");
    }

    @Test
    void theVariantPeopleClickedWinsAndGoesToTheRestOnce() throws Exception {
        Member owner = workspaces.withoutApprovals("A/B winner");
        String campaign = launched(owner);
        String list = list(owner, "Forty", people(owner, "win", 40));
        String email = email(owner, campaign, list);
        MvcTestResult set = api.as(owner).put("/api/v1/email/campaigns/" + email + "/ab-test", Map.of("variants",
                List.of(Map.of("subject", "Last days, {{first_name | \"friend\"}}")), "testShare", 50,
                "minimumSample", 10, "decideAfterMinutes", 60));
        assertThat(set).hasStatusOk();
        assertThat((String) Json.read(set, "$.status")).isEqualTo("SET_UP");
        assertThat((List<String>) Json.read(set, "$.variants[*].key")).containsExactly("A", "B");

        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo("win").size() == 20);
        MvcTestResult testing = api.as(owner).get("/api/v1/email/campaigns/" + email);
        assertThat((Integer) Json.read(testing, "$.progress.held")).isEqualTo(20);
        assertThat((String) Json.read(testing, "$.status")).isEqualTo("SENDING");
        MvcTestResult running = api.as(owner).get("/api/v1/email/campaigns/" + email + "/ab-test");
        assertThat((String) Json.read(running, "$.status")).isEqualTo("TESTING");
        assertThat((List<Integer>) Json.read(running, "$.variants[*].sent")).containsExactly(10, 10);

        clock.advance(Duration.ofMinutes(5)); // read later than a prefetch at delivery
        int clicked = 0;
        for (MimeMessage m : messagesTo("win")) {
            if (m.getSubject().startsWith("Last days") && clicked < 8) {
                assertThat(api.anonymous().header("User-Agent", BROWSER).get(clickPath(m))).hasStatus(302);
                clicked++;
            }
        }
        assertThat(clicked).isEqualTo(8);
        assertThat((List<Integer>) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email + "/ab-test"),
                "$.variants[*].successes")).containsExactly(0, 8);

        clock.advance(Duration.ofMinutes(60));
        untilWithTheSendJobDue(email, () -> "SENT".equals(Json.read(api.as(owner).get(
                "/api/v1/email/campaigns/" + email), "$.status")));
        MvcTestResult decided = api.as(owner).get("/api/v1/email/campaigns/" + email + "/ab-test");
        assertThat((String) Json.read(decided, "$.status")).isEqualTo("DECIDED");
        assertThat((String) Json.read(decided, "$.outcome")).isEqualTo("WINNER");
        assertThat((String) Json.read(decided, "$.winner")).isEqualTo("B");
        assertThat((String) Json.read(decided, "$.reason")).contains("B");
        List<MimeMessage> all = messagesTo("win");
        assertThat(all).hasSize(40);
        assertThat(all.stream().map(EmailAbTestsTests::to).distinct()).hasSize(40);
        assertThat(all.stream().filter(m -> subject(m).startsWith("Last days"))).hasSize(30);
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.progress.held")).isZero();
        assertThat(api.as(owner).put("/api/v1/email/campaigns/" + email + "/ab-test", Map.of("variants",
                List.of(Map.of("subject", "Too late"))))).hasStatus(409);
    }

    @Test
    void anInconclusiveTestUnderTheWaitRuleSendsNothingMoreUntilSomeonePicks() throws Exception {
        Member owner = workspaces.withoutApprovals("A/B wait");
        String campaign = launched(owner);
        String list = list(owner, "Twelve", people(owner, "wait", 12));
        String email = email(owner, campaign, list);
        assertThat(api.as(owner).put("/api/v1/email/campaigns/" + email + "/ab-test", Map.of("variants",
                List.of(Map.of("html", "<p>Other body</p>"), Map.of("subject", "Third")), "testShare", 50,
                "decideAfterMinutes", 15, "ifInconclusive", "WAIT"))).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo("wait").size() == 6);
        assertThat(messagesTo("wait").stream().filter(m -> subject(m).equals("Third"))).hasSize(2);

        clock.advance(Duration.ofMinutes(16));
        untilWithTheSendJobDue(email, () -> "WAITING".equals(Json.read(api.as(owner).get(
                "/api/v1/email/campaigns/" + email + "/ab-test"), "$.status")));
        MvcTestResult waiting = api.as(owner).get("/api/v1/email/campaigns/" + email + "/ab-test");
        assertThat((String) Json.read(waiting, "$.reason")).isNotBlank();
        assertThat(messagesTo("wait")).hasSize(6);
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.progress.held")).isEqualTo(6);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post("/api/v1/email/campaigns/" + email + "/ab-test/pick", Map.of("variant", "C")))
                .hasStatus(403);
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/ab-test/pick", Map.of("variant", "E")))
                .hasStatus(400);
        MvcTestResult picked = api.as(owner).post("/api/v1/email/campaigns/" + email + "/ab-test/pick", Map.of("variant", "C"));
        assertThat(picked).hasStatusOk();
        assertThat((String) Json.read(picked, "$.outcome")).isEqualTo("PICKED");
        untilWithTheSendJobDue(email, () -> "SENT".equals(Json.read(api.as(owner).get(
                "/api/v1/email/campaigns/" + email), "$.status")));
        assertThat(messagesTo("wait")).hasSize(12);
        assertThat(messagesTo("wait").stream().filter(m -> subject(m).equals("Third"))).hasSize(8);
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/ab-test/pick", Map.of("variant", "A")))
                .hasStatus(409);
    }

    @Test
    void opensNeedTheWarningAcceptedAndOnlyContributorsOfTheWorkspaceSetATestUp() {
        Member owner = workspaces.withoutApprovals("A/B rules");
        String campaign = launched(owner);
        String email = email(owner, campaign, list(owner, "One", people(owner, "rules", 1)));
        String path = "/api/v1/email/campaigns/" + email + "/ab-test";
        assertThat(api.as(owner).get(path)).hasStatus(404);
        MvcTestResult opens = api.as(owner).put(path, Map.of("variants", List.of(Map.of("subject", "B")), "metric", "OPENS"));
        assertThat(opens).hasStatus(400);
        assertThat(Json.body(opens)).contains("acceptOpensWarning", "Apple Mail Privacy Protection");
        assertThat(api.as(owner).put(path, Map.of("variants", List.of(Map.of("subject", "B")), "metric", "CONVERSIONS")))
                .hasStatus(400);
        assertThat(api.as(owner).put(path, Map.of("variants", List.of(Map.of())))).hasStatus(400);
        assertThat(api.as(owner).put(path, Map.of("variants", List.of(Map.of("subject", "Bad {{first_name")))))
                .hasStatus(400);
        assertThat(api.as(owner).put(path, Map.of("variants", List.of(Map.of("subject", "B")), "testShare", 90)))
                .hasStatus(400);
        assertThat(api.as(owner).put(path, Map.of("variants", List.of(Map.of("subject", "B")), "metric", "SOMETHING")))
                .hasStatus(400);
        assertThat(api.as(owner).get(path)).hasStatus(404);
        MvcTestResult accepted = api.as(owner).put(path, Map.of("variants", List.of(Map.of("subject", "B",
                "html", "<p onclick=\"x()\">B body</p><script>steal()</script>")), "metric", "OPENS", "acceptOpensWarning", true));
        assertThat(accepted).hasStatusOk();
        assertThat((String) Json.read(accepted, "$.variants[1].html")).contains("B body").doesNotContain("steal", "onclick");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).get(path)).hasStatusOk();
        assertThat(api.as(viewer).put(path, Map.of("variants", List.of(Map.of("subject", "V"))))).hasStatus(403);
        assertThat(api.as(viewer).delete(path)).hasStatus(403);
        Member stranger = workspaces.withoutApprovals("A/B stranger");
        assertThat(api.as(stranger).get(path)).hasStatus(404);
        assertThat(api.as(stranger).put(path, Map.of("variants", List.of(Map.of("subject", "S"))))).hasStatus(404);
        assertThat(api.as(owner).delete(path)).hasStatus(204);
        assertThat(api.as(owner).get(path)).hasStatus(404);
    }


    private List<String> people(Member owner, String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(contact(owner, prefix + i + "@ab.example", "Person " + i));
        }
        return ids;
    }

    private static List<MimeMessage> messagesTo(String prefix) {
        java.util.regex.Pattern address = java.util.regex.Pattern.compile("\\b" + prefix + "\\d+@ab\\.example");
        return SMTP.messages().stream().filter(m -> address.matcher(to(m)).find()).toList();
    }

    private static String clickPath(MimeMessage m) throws Exception {
        String html = (String) ((Multipart) m.getContent()).getBodyPart(1).getContent();
        java.util.regex.Matcher click = java.util.regex.Pattern.compile("href=\"https?://[^/]+(/t/c/[^\"]+)\"").matcher(html);
        assertThat(click.find()).isTrue();
        return click.group(1);
    }
}
