package io.flightdeck.analytics;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TwoNodes;
import io.flightdeck.support.TwoNodes.Browser;
import io.flightdeck.support.TwoNodes.Cluster;
import io.flightdeck.support.TwoNodes.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard open on node B hears of numbers written through node A: the rollups (on whichever node runs them) fold
 * them in and signal, B's stream says the numbers moved, and B's figures then hold them. On PostgreSQL the signal
 * crosses by LISTEN/NOTIFY; on H2 the two nodes share this JVM and its in-process signals.
 */
@ExtendWith(TwoNodes.class)
class DashboardOnTwoNodesTests {

    private static final Pattern STREAM = Pattern.compile("data-live-source=\"([^\"]+)\"");

    private final Cluster nodes;

    DashboardOnTwoNodesTests(Cluster nodes) {
        this.nodes = nodes;
    }

    private static String ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang fails with every thread's stack (junit-platform.properties)
    void numbersWrittenThroughNodeAReachTheDashboardOpenOnNodeB() throws Exception {
        Node a = nodes.a();
        String email = TestWorkspaces.uniqueEmail("dashboard-owner");
        String owner = JsonPath.read(ok(a.send("POST", "/api/v1/auth/signup", null, """
                {"workspaceName":"Live dashboard","displayName":"Olga Owner","email":"%s","password":"%s","timeZone":"UTC"}"""
                .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
        String campaign = JsonPath.read(ok(a.send("POST", "/api/v1/campaigns", owner,
                "{\"name\":\"Live\",\"type\":\"OTHER\"}"), 201), "$.id");

        Browser browser = new Browser();
        browser.signIn(nodes.b(), email);
        String dashboard = "/analytics/campaigns/" + campaign;
        String page = ok(browser.get(nodes.b(), dashboard), 200);
        assertThat(page).contains("No numbers for these days yet");
        Matcher source = STREAM.matcher(page);
        assertThat(source.find()).isTrue();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = browser.stream(nodes.b(), source.group(1).replace("&amp;", "&"));
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                stream.body().filter(line -> line.startsWith("event:")).forEach(line -> events.add(line.substring(6).trim()));
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "dashboard-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            ok(a.send("POST", "/api/v1/analytics/facts", owner, """
                    {"facts":[{"source":"two-nodes","objectType":"ad","objectId":"ad-1","campaignId":"%s",
                      "channel":"SEARCH_ADS","metric":"CLICKS","granularity":"DAY","periodStart":"%sT00:00:00Z",
                      "value":4321}]}""".formatted(campaign, LocalDate.now(ZoneOffset.UTC))), 200);
            assertThat(events.poll(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS))
                    .as("an event on node B's dashboard stream").isEqualTo("changed");
            assertThat(ok(browser.get(nodes.b(), dashboard), 200)).contains("4,321");
        } finally {
            stream.body().close();
        }
    }
}
