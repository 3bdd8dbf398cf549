package io.flightdeck.email;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MockMvcSessionIds;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.OwnDatabase;
import io.flightdeck.support.ScriptedSmtpServer;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestClockConfiguration;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application that email sending tests share: campaign mail over SMTP to a scripted server (refused@ gets a 5xx,
 * later@ a 4xx on the first try), on a database of its own, with a clock the tests move; and the steps they repeat.
 * The server is a daemon that lives as long as the JVM, since the classes that extend this share one context. The
 * beans of {@link FlightdeckTest}, on a real port as well, so that the email browser journey
 * ({@link EmailJourneyBrowserTests}) drives this same context in Chromium rather than starting one of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestWorkspaces.class, ApiClient.class, TestCampaigns.class, WebSessions.class, TestClockConfiguration.class,
        MockMvcSessionIds.class, FakeDns.class})
abstract class EmailSendingContext {

    static final ScriptedSmtpServer SMTP = server();
    static final FakeAppleEgress APPLE = FakeAppleEgress.start();
    static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/17.5 Safari/605.1.15";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        // its own database: another context in the JVM would otherwise run this one's send job with its own transport
        OwnDatabase.register(registry, "email_sending");
        registry.add("flightdeck.mail.transport", () -> "smtp");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        registry.add("flightdeck.email.sending.retry-pause", () -> "PT1S");
        registry.add("flightdeck.email.sending.rate-per-second", () -> "0");
        // mail leaves over SMTP, so readiness looks up the sending domain's records: FakeDns answers them
        registry.add("flightdeck.email.readiness.dkim-selector", () -> "relay");
        registry.add("flightdeck.email.readiness.dns-cache", () -> "PT0S");
        // Apple's egress list from a local server in Apple's shape (AppleProxyListTests)
        registry.add("flightdeck.email.tracking.apple-proxy-list-url", APPLE::url);
    }

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    MutableClock clock;
    @Autowired
    SchedulerClient scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String launched(Member owner) {
        assertThat(api.as(owner).put("/api/v1/campaign-settings", "{\"readinessThreshold\":0}")).hasStatusOk();
        String campaign = campaigns.create(owner, "Email " + System.nanoTime());
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/plan", "{}")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/mark-ready")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/launch", "{\"confirm\":true}")).hasStatusOk();
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Send Co", "fromAddress",
                "news@send.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        return campaign;
    }

    String contact(Member owner, String address, String name) {
        MvcTestResult made = api.as(owner).post("/api/v1/email/contacts", Map.of("email", address, "name", name,
                "consent", Map.of("source", "FORM", "evidence", "Signed up on the test form")));
        assertThat(made).hasStatus(201);
        return Json.read(made, "$.id");
    }

    String id(Member owner, String address) {
        return Json.read(api.as(owner).get("/api/v1/email/contacts?q=" + address), "$.items[0].id");
    }

    String list(Member owner, String name, List<String> contacts) {
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", name)), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds", contacts)))
                .hasStatusOk();
        return list;
    }

    String email(Member owner, String campaign, String list) {
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "News", "subject", "News for {{first_name | \"you\"}}",
                "html", "<p>Hello {{first_name | \"there\"}}, here is <a href=\"https://shop.example/sale?a=1&b=2\">the sale</a>.</p>",
                "listIds", List.of(list)));
        assertThat(made).hasStatus(201);
        String id = Json.read(made, "$.id");
        // readiness asks for a test of the content as it is
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + id + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
        return id;
    }

    MvcTestResult get(Member owner, String email) {
        return api.as(owner).get("/api/v1/email/campaigns/" + email);
    }

    /**
     * Whether the test group's mail is all in the SMTP server: {@code held} wait for the winner, none is queued and
     * none is in the middle of its hand-over (a recipient leaves the queue before its SMTP conversation ends).
     */
    static boolean settled(MvcTestResult email, int held) {
        return ((Number) Json.read(email, "$.progress.held")).intValue() == held
                && ((Number) Json.read(email, "$.progress.queued")).intValue() == 0
                && ((Number) Json.read(email, "$.progress.handedOver")).intValue() == 0;
    }

    /**
     * Waits for {@code done}, making the send's stored job due each time it looks: the scheduler keeps real time,
     * while each step runs on the moved clock and stores its next run in that clock's future. A run in progress
     * cannot be moved; the next look moves it.
     */
    void untilWithTheSendJobDue(String email, java.util.concurrent.Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            try {
                scheduler.reschedule(TaskInstanceId.of("email-send", email), Instant.now());
            } catch (RuntimeException running) {
                // picked by the scheduler right now
            }
            return done.call();
        });
    }

    static MimeMessage message(String to) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SMTP.messages()) {
            if (m.getHeader("To", null).contains(to)) {
                found.add(m);
            }
        }
        assertThat(found).as("messages to %s", to).hasSize(1);
        return found.get(0);
    }

    /** A received message's To header. */
    static String to(MimeMessage m) {
        try {
            return m.getHeader("To", null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScriptedSmtpServer server() {
        try {
            return new ScriptedSmtpServer((address, offered) -> address.startsWith("refused@")
                    ? "550 5.1.1 No such user here"
                    : address.startsWith("later@") && offered == 1 ? "451 4.3.0 Try again later" : "250 OK");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
