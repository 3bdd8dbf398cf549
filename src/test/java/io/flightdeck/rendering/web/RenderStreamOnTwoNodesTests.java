package io.flightdeck.rendering.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The render monitor's live updates reach a browser on any node: a job written through node A arrives on a
 * server-sent event stream open on node B within a second. On PostgreSQL the signal crosses by LISTEN/NOTIFY; on H2
 * the two nodes share this JVM and its in-process signals.
 */
@ExtendWith(TwoNodes.class)
class RenderStreamOnTwoNodesTests {

    private static final Duration BOUND = Duration.ofSeconds(1);

    private final Cluster nodes;

    RenderStreamOnTwoNodesTests(Cluster nodes) {
        this.nodes = nodes;
    }

    /** A stream's event: its id (the job's change time, on the writing node's clock), data, and when it arrived. */
    private record Arrival(String id, String data, Instant at) {
    }

    private record Workspace(String token, String creative, Browser browser) {
    }

    private static String ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }

    /** An owner with a creative, signed up through the API on node A, and a browser signed in through node A. */
    private Workspace workspace() throws Exception {
        Node a = nodes.a();
        String email = TestWorkspaces.uniqueEmail("render-live");
        String token = JsonPath.read(ok(a.send("POST", "/api/v1/auth/signup", null, """
                {"workspaceName":"Live renders","displayName":"Rita Live","email":"%s","password":"%s","timeZone":"UTC"}"""
                .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
        String campaign = JsonPath.read(ok(a.send("POST", "/api/v1/campaigns", token,
                "{\"name\":\"Live\",\"type\":\"OTHER\"}"), 201), "$.id");
        String creative = JsonPath.read(ok(a.send("POST", "/api/v1/content/creatives", token, """
                {"campaignId":"%s","title":"Teaser","topic":"Spring","channels":["INSTAGRAM"],"mode":"MANUAL",
                 "texts":{"HEADLINE":"Spring is here"}}""".formatted(campaign)), 201), "$.id");
        Browser browser = new Browser();
        browser.signIn(a, email);
        return new Workspace(token, creative, browser);
    }

    /** Opens the render monitor's stream on the node and collects its data lines on a thread of its own. */
    private static HttpResponse<Stream<String>> listen(Browser browser, Node node, BlockingQueue<Arrival> arrivals)
            throws Exception {
        HttpResponse<Stream<String>> stream = browser.stream(node, "/render-jobs/stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            String[] id = {null};
            try {
                stream.body().forEach(line -> {
                    if (line.startsWith("id:")) {
                        id[0] = line.substring(3);
                    } else if (line.startsWith("data:")) {
                        arrivals.add(new Arrival(id[0], line.substring(5), Instant.now()));
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    /**
     * Creates render jobs through node A, one at a time, and answers how long each took from its write (its change
     * time: the nodes share this JVM's clock) to its event read from the stream. The first job warms the path up and is
     * not counted.
     */
    private List<Duration> jobsArriving(Workspace workspace, BlockingQueue<Arrival> arrivals, int count) throws Exception {
        List<Duration> latencies = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            // not submitted: nothing runs it, so the one write is the whole event
            String job = JsonPath.read(ok(nodes.a().send("POST", "/api/v1/render-jobs", workspace.token(), """
                    {"creativeId":"%s","type":"IMAGE","submit":false}""".formatted(workspace.creative())), 201), "$.id");
            Arrival arrival;
            do {
                arrival = arrivals.poll(BOUND.toMillis() * 3, TimeUnit.MILLISECONDS);
                assertThat(arrival).as("job %s on the stream", job).isNotNull();
            } while (!job.equals(JsonPath.read(arrival.data(), "$.id")));
            assertThat((String) JsonPath.read(arrival.data(), "$.status")).isEqualTo("QUEUED");
            if (i > 0) {
                latencies.add(Duration.between(Instant.parse(arrival.id()), arrival.at()));
            }
        }
        return latencies;
    }

    @Test
    void aJobWrittenThroughNodeAReachesAStreamOpenOnNodeBWithinASecond() throws Exception {
        Workspace workspace = workspace();
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = listen(workspace.browser(), nodes.b(), arrivals);
        try {
            List<Duration> latencies = jobsArriving(workspace, arrivals, 10);
            System.out.println("render job written on node A to its event read from node B's stream ("
                    + (nodes.onPostgres() ? "PostgreSQL" : "H2") + "): "
                    + latencies.stream().map(d -> d.toMillis() + " ms").toList());
            assertThat(latencies).allSatisfy(latency -> assertThat(latency).isLessThan(BOUND));
        } finally {
            stream.body().close();
        }
    }

    @Test
    void aJobWrittenThroughANodeReachesAStreamOpenOnTheSameNode() throws Exception {
        Workspace workspace = workspace();
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = listen(workspace.browser(), nodes.a(), arrivals);
        try {
            List<Duration> latencies = jobsArriving(workspace, arrivals, 5);
            System.out.println("render job written on node A to its event read from node A's stream: "
                    + latencies.stream().map(d -> d.toMillis() + " ms").toList());
            assertThat(latencies).allSatisfy(latency -> assertThat(latency).isLessThan(BOUND));
        } finally {
            stream.body().close();
        }
    }
}
