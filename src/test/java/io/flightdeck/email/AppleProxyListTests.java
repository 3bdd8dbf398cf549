package io.flightdeck.email;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.email.tracking.AppleProxyList;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Apple's egress list fetched over HTTP from a local server in Apple's shape ({@link FakeAppleEgress}), as the
 * application's hourly job does at start-up: an open from one of its addresses, through a real pixel of a sent
 * message, counts as Apple's proxy and not as a reader; the API and the settings page say which list is in use; a
 * fetch that fails, or brings an error page, leaves the list in use and is shown with its reason.
 */
class AppleProxyListTests extends EmailSendingContext {

    static final String SAFARI_ON_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko)";

    @Autowired
    AppleProxyList appleList;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    WebSessions web;

    @Test
    void applesListTellsItsProxysOpensFromReadersAndAFailedFetchKeepsIt() throws Exception {
        Member owner = workspaces.withoutApprovals("Apple proxies");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        // the job fetched the list when the application started with no copy yet (as in CI, on a new database; a
        // database kept from an earlier run holds a copy less than a day old, which the job leaves alone)
        await().atMost(Duration.ofSeconds(30)).until(() -> APPLE.fetches.get() > 0
                || Json.read(api.as(viewer).get("/api/v1/email/tracking/apple-proxy-list"), "$.fetchedAt") != null);
        APPLE.answerTheList();
        appleList.refresh();
        MvcTestResult status = api.as(viewer).get("/api/v1/email/tracking/apple-proxy-list");
        assertThat(status).hasStatusOk();
        assertThat((String) Json.read(status, "$.address")).isEqualTo(APPLE.url());
        assertThat((String) Json.read(status, "$.source")).isEqualTo(APPLE.url());
        assertThat((Integer) Json.read(status, "$.ranges")).isEqualTo(FakeAppleEgress.LIST_RANGES);
        assertThat((String) Json.read(status, "$.fetchedAt")).isNotNull();
        assertThat((String) Json.read(status, "$.error")).isNull();
        assertThat(api.anonymous().get("/api/v1/email/tracking/apple-proxy-list")).hasStatus(401);

        // two people open a sent message from a Mac, one through Apple's proxy (an address of the list only), the
        // other from an address of no list: one machine, one person
        String campaign = launched(owner);
        String people = list(owner, "Apple readers", List.of(contact(owner, "mia@apple-proxy.example", "Mia"),
                contact(owner, "ned@apple-proxy.example", "Ned")));
        String email = email(owner, campaign, people);
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(get(owner, email), "$.status")));
        clock.advance(Duration.ofMinutes(5)); // read later than a prefetch at delivery
        open("mia@apple-proxy.example", "2a02:26f7:d6c0:6800::1f");
        open("ned@apple-proxy.example", "198.51.100.23");
        MvcTestResult metrics = api.as(owner).get("/api/v1/email/campaigns/" + email + "/metrics");
        assertThat((Integer) Json.read(metrics, "$.machineOpens")).isEqualTo(1);
        assertThat((Integer) Json.read(metrics, "$.humanOpens")).isEqualTo(1);

        MockHttpSession session = web.signIn(viewer);
        assertThat(web.page(session, "/email/settings")).contains("Opens by Apple Mail",
                "Apple&#39;s list: 3,002 ranges, fetched", APPLE.url()).doesNotContain("The last fetch");

        // Apple down: the list in use stays, with the failure beside it
        APPLE.answer(503, "text/plain", "Service Unavailable");
        appleList.refresh();
        MvcTestResult failed = api.as(viewer).get("/api/v1/email/tracking/apple-proxy-list");
        assertThat((Integer) Json.read(failed, "$.ranges")).isEqualTo(FakeAppleEgress.LIST_RANGES);
        assertThat((String) Json.read(failed, "$.error")).contains("503");
        assertThat((String) Json.read(failed, "$.attemptedAt")).isNotEqualTo(Json.read(failed, "$.fetchedAt"));
        assertThat(web.page(session, "/email/settings")).contains("The last fetch", "failed: ",
                "the addresses above stay in use", "3,002 ranges");
        // a portal's sign-in page answered with 200 is no list either
        APPLE.answer(200, "text/html", "<!DOCTYPE html>\n<html><body>Sign in to the hotel Wi-Fi</body></html>\n");
        appleList.refresh();
        MvcTestResult portal = api.as(viewer).get("/api/v1/email/tracking/apple-proxy-list");
        assertThat((String) Json.read(portal, "$.error")).startsWith("The answer holds no address range");
        assertThat((Integer) Json.read(portal, "$.ranges")).isEqualTo(FakeAppleEgress.LIST_RANGES);
        clock.advance(Duration.ofMinutes(2)); // past the minute after which a node looks for a newer copy
        open("mia@apple-proxy.example", "146.75.166.9");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email + "/metrics"),
                "$.machineOpens")).isEqualTo(2);

        APPLE.answerTheList();
        appleList.refresh();
        assertThat((String) Json.read(api.as(viewer).get("/api/v1/email/tracking/apple-proxy-list"), "$.error"))
                .isNull();
    }

    /** Loads the message's open pixel from {@code address}, as Safari on a Mac. */
    private void open(String to, String address) throws Exception {
        MimeMessage message = message(to);
        String html = (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
        Matcher pixel = Pattern.compile("src=\"https?://[^/]+(/t/o/[^\"]+)\"").matcher(html);
        assertThat(pixel.find()).as("an open pixel in %s", html).isTrue();
        MvcTestResult opened = mvc.get().uri(pixel.group(1)).header("User-Agent", SAFARI_ON_MAC)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).exchange();
        assertThat(opened).hasStatusOk();
    }
}
