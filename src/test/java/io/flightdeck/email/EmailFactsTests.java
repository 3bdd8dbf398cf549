package io.flightdeck.email;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.flightdeck.analytics.Granularity;
import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.MetricFact;
import io.flightdeck.analytics.MetricFacts;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An email send's numbers reach analytics as hourly facts: sent by the hour each message left, people's clicks and an
 * unsubscribe by the hour they came (a machine's click is left out), the refused address nowhere. Looking again
 * without a change, and after a further click, replaces the facts rather than adding to them; another workspace
 * sees none of them.
 */
class EmailFactsTests extends EmailSendingContext {

    private static final String SCANNER = "Barracuda Sentinel (EE)";

    @Autowired
    MetricFacts facts;

    @Test
    void aSendsNumbersBecomeHourlyFactsOnceEach() throws Exception {
        Member owner = workspaces.withoutApprovals("Email facts");
        String campaign = launched(owner);
        List<String> people = List.of(contact(owner, "fa@facts.example", "Fa One"),
                contact(owner, "fb@facts.example", "Fb Two"), contact(owner, "fc@facts.example", "Fc Three"),
                contact(owner, "refused@facts.example", "Ref Used"));
        String email = email(owner, campaign, list(owner, "Facts", people));
        // ten minutes into the next hour, so that the test's own minutes never cross an hour
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(70))));
        Instant sentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        untilWithTheSendJobDue(email, () -> "SENT".equals(Json.read(get(owner, email), "$.status")));

        clock.advance(Duration.ofHours(1));
        Instant clickHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        assertThat(api.anonymous().header("User-Agent", BROWSER).get(clickPath(message("fa@facts.example"))))
                .hasStatus(302);
        assertThat(api.anonymous().header("User-Agent", BROWSER).get(clickPath(message("fb@facts.example"))))
                .hasStatus(302);
        assertThat(api.anonymous().header("User-Agent", SCANNER).get(clickPath(message("fc@facts.example"))))
                .hasStatus(302);
        clock.advance(Duration.ofHours(2));
        Instant leftHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        String unsubscribe = message("fc@facts.example").getHeader("List-Unsubscribe", null);
        String path = unsubscribe.substring(unsubscribe.indexOf("/t/u/"), unsubscribe.length() - 1);
        assertThat(api.anonymous().raw(HttpMethod.POST, path, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes())).hasStatusOk();

        Map<String, Long> first = untilFacts(owner, email, 6);
        assertThat(first).containsOnly(Map.entry("SENT " + sentHour, 3L), Map.entry("CLICKS " + clickHour, 2L),
                Map.entry("UNSUBSCRIBES " + leftHour, 1L));
        assertThat(workspaces.as(owner, () -> facts.of("email", "email-send", email))).allSatisfy(fact -> {
            assertThat(fact.campaignId()).isEqualTo(UUID.fromString(campaign));
            assertThat(fact.channel()).isEqualTo("EMAIL");
            assertThat(fact.granularity()).isEqualTo(Granularity.HOUR);
            assertThat(fact.currency()).isNull();
        });

        // a look with nothing new changes nothing; a further click replaces the hour's number, never adds to it
        runTheFactsJob();
        assertThat(factsOf(owner, email)).isEqualTo(first);
        assertThat(api.anonymous().header("User-Agent", BROWSER).get(clickPath(message("fa@facts.example"))))
                .hasStatus(302);
        Map<String, Long> second = untilFacts(owner, email, 7);
        assertThat(second).containsEntry("SENT " + sentHour, 3L).containsEntry("UNSUBSCRIBES " + leftHour, 1L)
                .containsEntry("CLICKS " + leftHour, 1L).containsEntry("CLICKS " + clickHour, 2L).hasSize(4);

        Member stranger = workspaces.workspace("Email facts stranger");
        assertThat(workspaces.as(stranger, () -> facts.of("email", "email-send", email))).isEmpty();
    }

    /** Runs the facts job until the send's facts add up to {@code total}, and answers them. */
    private Map<String, Long> untilFacts(Member owner, String email, long total) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            runTheFactsJob();
            return factsOf(owner, email).values().stream().mapToLong(Long::longValue).sum() == total;
        });
        return factsOf(owner, email);
    }

    private Map<String, Long> factsOf(Member owner, String email) {
        return workspaces.as(owner, () -> facts.of("email", "email-send", email)).stream().collect(Collectors.toMap(
                (MetricFact f) -> f.metric() + " " + f.periodStart(), f -> f.value().longValueExact()));
    }

    private void runTheFactsJob() {
        try {
            scheduler.reschedule(TaskInstanceId.of("email-facts", "recurring"), Instant.now());
        } catch (RuntimeException running) {
            // being run right now
        }
    }

    private static String clickPath(MimeMessage m) throws Exception {
        String html = (String) ((Multipart) m.getContent()).getBodyPart(1).getContent();
        java.util.regex.Matcher click = java.util.regex.Pattern.compile("href=\"https?://[^/]+(/t/c/[^\"]+)\"").matcher(html);
        assertThat(click.find()).isTrue();
        return click.group(1);
    }
}
