package io.flightdeck.notifications.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * The bell counts live on any node: a task assigned through node A raises the assignee's count on a bell open on node
 * B within a second, and marking everything seen through A brings it back to zero there. On PostgreSQL the signal
 * crosses by LISTEN/NOTIFY; on H2 the two nodes share this JVM and its in-process signals.
 */
@ExtendWith(TwoNodes.class)
class BellOnTwoNodesTests {

    private static final Duration BOUND = Duration.ofSeconds(1);

    private final Cluster nodes;

    BellOnTwoNodesTests(Cluster nodes) {
        this.nodes = nodes;
    }

    private record Arrival(String data, Instant at) {
    }

    private static String ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS) // a hang fails with every thread's stack (junit-platform.properties)
    void anAssignmentThroughNodeARingsTheBellOpenOnNodeB() throws Exception {
        Node a = nodes.a();
        String owner = JsonPath.read(ok(a.send("POST", "/api/v1/auth/signup", null, """
                {"workspaceName":"Live bell","displayName":"Olga Owner","email":"%s","password":"%s","timeZone":"UTC"}"""
                .formatted(TestWorkspaces.uniqueEmail("bell-owner"), TestWorkspaces.PASSWORD)), 201), "$.accessToken");
        String annEmail = TestWorkspaces.uniqueEmail("bell-ann");
        String invitation = JsonPath.read(ok(a.send("POST", "/api/v1/invitations", owner,
                "{\"email\":\"%s\",\"role\":\"CONTRIBUTOR\"}".formatted(annEmail)), 201), "$.token");
        String ann = JsonPath.read(ok(a.send("POST", "/api/v1/auth/accept-invitation", null,
                "{\"token\":\"%s\",\"displayName\":\"Ann\",\"password\":\"%s\"}".formatted(invitation, TestWorkspaces.PASSWORD)),
                201), "$.accessToken");
        String annId = JsonPath.read(ok(a.send("GET", "/api/v1/me", ann, null), 200), "$.id");
        String campaign = JsonPath.read(ok(a.send("POST", "/api/v1/campaigns", owner,
                "{\"name\":\"Bell\",\"type\":\"OTHER\"}"), 201), "$.id");

        Browser browser = new Browser();
        browser.signIn(nodes.b(), annEmail);
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = browser.stream(nodes.b(), "/notifications/stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                stream.body().filter(line -> line.startsWith("data:"))
                        .forEach(line -> arrivals.add(new Arrival(line.substring(5).trim(), Instant.now())));
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "bell-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(next(arrivals).data()).as("the count when the bell opens").isEqualTo("0");

            String task = JsonPath.read(ok(a.send("POST", "/api/v1/campaigns/" + campaign + "/tasks", owner,
                    "{\"title\":\"Ring the bell\"}"), 201), "$.id");
            Instant assigned = Instant.now();
            ok(a.send("PUT", "/api/v1/tasks/" + task + "/assignee", owner, "{\"assigneeId\":\"" + annId + "\"}"), 200);
            Arrival rang = next(arrivals);
            assertThat(rang.data()).isEqualTo("1");
            Duration lateness = Duration.between(assigned, rang.at());
            System.out.println("task assigned through node A to the bell on node B ("
                    + (nodes.onPostgres() ? "PostgreSQL" : "H2") + "): " + lateness.toMillis() + " ms");
            assertThat(lateness).isLessThan(BOUND.multipliedBy(2)); // the assignment's own request, then the event

            ok(a.send("POST", "/api/v1/notifications/seen", ann, null), 200);
            assertThat(next(arrivals).data()).as("seen on another device").isEqualTo("0");
        } finally {
            stream.body().close();
        }
    }

    private static Arrival next(BlockingQueue<Arrival> arrivals) throws InterruptedException {
        Arrival arrival = arrivals.poll(BOUND.toMillis() * 5, TimeUnit.MILLISECONDS);
        assertThat(arrival).as("an event on the bell's stream").isNotNull();
        return arrival;
    }
}
