package io.flightdeck.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Links as mail apps read them (the WHATWG URL Standard), the same at every step: an address with a space, a bar or
 * braces is saved, previewed, tested, found ready and sent to everyone, each link the recipient's own redirect to the
 * address a browser would open; a link with a merge field is tracked too, filled per recipient; an address no browser
 * opens is refused when the email is saved, naming the link. With this installation's http base URL the mail carries
 * List-Unsubscribe but not the one-click List-Unsubscribe-Post, and readiness says why in a note that blocks nothing.
 */
class EmailLinksAsMailAppsSeeThemTests extends EmailSendingContext {

    private static final String HTML = "<p>Hello {{first_name}}: <a href=\"https://shop.example/sale?tag=a|b\">bar</a>"
            + " <a href=\"https://shop.example/a b\">space</a> <a href=\"https://shop.example/{id}\">braces</a>"
            + " <a href=\"https://shop.example/for?who={{email}}\">yours</a> <a href=\"mailto:help@shop.example\">mail"
            + "</a></p>";

    @Test
    void linksMailAppsOpenAreTrackedAtEveryStepAndSentToEveryone() throws Exception {
        Member owner = workspaces.withoutApprovals("Links as mail apps see them");
        String campaign = launched(owner);
        String ana = contact(owner, "ana@links.example", "Ana Lima");
        String bo = contact(owner, "bo@links.example", "Bo Berg");
        String list = list(owner, "Links", List.of(ana, bo));
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "Links", "subject", "Links for {{first_name}}", "html", HTML, "listIds", List.of(list)));
        assertThat(made).as(Json.body(made)).hasStatus(201);
        String email = Json.read(made, "$.id");
        assertThat(api.as(owner).get("/api/v1/email/campaigns/" + email + "/preview?contactId=" + ana)).hasStatusOk();

        // the test goes out with its links tracked as the send tracks them
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
        List<String> tested = clicks(html(message(owner.email())));
        assertThat(tested).containsExactly("https://shop.example/sale?tag=a%7Cb", "https://shop.example/a%20b",
                "https://shop.example/%7Bid%7D", "https://shop.example/for?who=alex.morgan%40example.com");

        MvcTestResult readiness = api.as(owner).get("/api/v1/email/campaigns/" + email + "/readiness");
        assertThat((Boolean) Json.read(readiness, "$.ready")).as(Json.body(readiness)).isTrue();
        assertThat(EmailReadinessTests.state(readiness, "links")).isEqualTo("DONE");
        assertThat(EmailReadinessTests.state(readiness, "one-click-unsubscribe")).isEqualTo("NOTE");
        assertThat(EmailReadinessTests.detail(readiness, "one-click-unsubscribe")).contains("https",
                "FLIGHTDECK_BASE_URL");

        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(get(owner, email), "$.status")));
        assertThat((Integer) Json.read(get(owner, email), "$.progress.sent")).isEqualTo(2);
        assertThat((Integer) Json.read(get(owner, email), "$.progress.failed")).isZero();

        for (String address : List.of("ana@links.example", "bo@links.example")) {
            MimeMessage received = message(address);
            List<String> targets = clicks(html(received));
            assertThat(targets).containsExactly("https://shop.example/sale?tag=a%7Cb", "https://shop.example/a%20b",
                    "https://shop.example/%7Bid%7D", "https://shop.example/for?who=" + address.replace("@", "%40"));
            assertThat(html(received)).contains("href=\"mailto:help@shop.example\"");
            assertThat(received.getHeader("List-Unsubscribe", null)).startsWith("<http://").contains("/t/u/");
            assertThat(received.getHeader("List-Unsubscribe-Post", null)).isNull();
        }
    }

    @Test
    void anAddressNoBrowserOpensIsRefusedWhenTheEmailOrTemplateIsSavedNamingTheLink() {
        Member owner = workspaces.withoutApprovals("Links refused");
        String campaign = launched(owner);
        String list = list(owner, "Refused", List.of(contact(owner, "cy@links.example", "Cy Clark")));
        Map<String, String> refused = Map.of("https://", "the address has no host name",
                "https://bank.example@evil.example/", "user name or password before the host",
                "javascript:alert(1)", "runs a script", "http://exa mple.com/", "not a valid web address");
        refused.forEach((href, why) -> {
            MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                    "name", "Refused", "subject", "Hi", "html", "<p><a href=\"" + href + "\">here</a></p>",
                    "listIds", List.of(list)));
            assertThat(made).as(href).hasStatus(400);
            assertThat(made.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(Json.body(made)).as(href).contains("The link “" + href + "” cannot be sent", why);
            MvcTestResult template = api.as(owner).post("/api/v1/email/templates", Map.of("name", "Refused " + href,
                    "subject", "Hi", "html", "<p><a href=\"" + href + "\">here</a></p>"));
            assertThat(template).as(href).hasStatus(400);
            assertThat(Json.body(template)).as(href).contains("The link “" + href + "” cannot be sent");
        });
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns"), "$.total")).isZero();
    }

    private static String html(MimeMessage message) throws Exception {
        return (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
    }

    /** Where each tracked link of a message goes, by following its redirect. */
    private List<String> clicks(String html) {
        Matcher click = Pattern.compile("href=\"https?://[^/]+(/t/c/[^\"]+)\"").matcher(html);
        List<String> targets = new ArrayList<>();
        while (click.find()) {
            MvcTestResult followed = api.anonymous().header("User-Agent", BROWSER).get(click.group(1));
            assertThat(followed).hasStatus(302);
            targets.add(followed.getResponse().getHeader("Location"));
        }
        return targets;
    }
}
