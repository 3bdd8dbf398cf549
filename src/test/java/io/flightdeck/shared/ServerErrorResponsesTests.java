package io.flightdeck.shared;

import java.lang.reflect.Field;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Through a real server: errors that never reach a controller still answer a problem (API) or a page (browser). */
@FlightdeckTest
class ServerErrorResponsesTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns testCampaigns;
    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void unknownApiPathIsA404Problem() throws Exception {
        String bearer = workspaces.workspace("Server errors").bearer();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/no-such-thing")).header("Authorization", bearer));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"https://flightdeck.dev/problems/not-found\"")
                .contains("\"instance\":\"/api/v1/no-such-thing\"").contains("\"requestId\"");
    }

    @Test
    void wrongMethodIsA405Problem() throws Exception {
        String bearer = workspaces.workspace("Server errors 405").bearer();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/members")).header("Authorization", bearer)
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("\"type\":\"https://flightdeck.dev/problems/method-not-allowed\"");
    }

    /**
     * Paths the servlet container refuses before any application code runs (an encoded slash, a NUL byte, an encoded
     * backslash) still answer a problem document under /api/, not the container's own HTML page.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/campaigns/a%2Fb", "/api/v1/campaigns/%00", "/api/v1/campaigns/a%5Cb"})
    void pathsTheContainerRefusesAreProblemsToo(String path) throws Exception {
        String bearer = workspaces.workspace("Server errors raw").bearer();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Authorization", bearer));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"https://flightdeck.dev/problems/bad-request\"")
                .contains("\"status\":400").doesNotContain("<html").doesNotContain("Tomcat");
    }

    @Test
    void browsersGetAnHtmlErrorPage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login/nothing-here")).header("Accept", "text/html"));
        // Not signed in: the UI sends the browser to sign in rather than revealing what exists.
        assertThat(response.statusCode()).isEqualTo(302);
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in");
        HttpResponse<String> missingInvitation = send(HttpRequest.newBuilder(uri("/invitations/not-a-real-token")).header("Accept", "text/html"));
        assertThat(missingInvitation.statusCode()).isEqualTo(404);
        assertThat(missingInvitation.body()).contains("This link does not work");
    }

    /**
     * Every pool connection taken, as under a load the pool cannot serve: the request finds no connection, and the
     * answer is a 503 to come back to, not a 500 that reads as a bug. Then the same request succeeds.
     */
    @Test
    void noDatabaseConnectionIsA503ToComeBackTo() throws Exception {
        String bearer = workspaces.workspace("No connection").bearer();
        HttpRequest.Builder campaigns = HttpRequest.newBuilder(uri("/api/v1/campaigns")).header("Authorization", bearer);
        HttpResponse<String> response = withConnectionsLeft(0, () -> send(campaigns));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"https://flightdeck.dev/problems/database-unavailable\"");
        assertThat(send(campaigns).statusCode()).isEqualTo(200);
    }

    /**
     * The API's most frequent read holds one connection at a time: with two, as many requests at once as the pool
     * has connections each held one and waited for a second until the pool's timeout (docs/benchmarks.md).
     */
    @Test
    void aCampaignIsReadWithOneConnection() throws Exception {
        Member owner = workspaces.workspace("One connection");
        String id = testCampaigns.create(owner, "Read on one connection");
        HttpRequest.Builder campaign = HttpRequest.newBuilder(uri("/api/v1/campaigns/" + id))
                .header("Authorization", owner.bearer());
        assertThat(send(campaign).statusCode()).as("the names are in the member cache now").isEqualTo(200);
        assertThat(withConnectionsLeft(1, () -> send(campaign)).statusCode()).isEqualTo(200);
    }

    /**
     * Takes every pool connection but {@code left}, as under a load the pool cannot serve, with the pool's timeout at
     * a quarter second, and runs the request meanwhile.
     */
    private HttpResponse<String> withConnectionsLeft(int left, Callable<HttpResponse<String>> request) throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        // the pool reads its timeout once at start (the data source's setter changes only the configuration), so the
        // 30 s of the configuration would be this test's wait
        Field poolTimeout = Class.forName("com.zaxxer.hikari.pool.PoolBase").getDeclaredField("connectionTimeout");
        poolTimeout.setAccessible(true);
        Object running = pool.getHikariPoolMXBean();
        long timeout = poolTimeout.getLong(running);
        List<Connection> held = new ArrayList<>();
        try {
            poolTimeout.setLong(running, 250);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // background jobs borrow connections for moments, so keep asking until every one is ours
            while (held.size() < pool.getMaximumPoolSize() && System.nanoTime() < deadline) {
                try {
                    held.add(pool.getConnection());
                } catch (SQLException busy) {
                    // all lent out for now: ask again
                }
            }
            assertThat(held).hasSize(pool.getMaximumPoolSize());
            for (int i = 0; i < left; i++) {
                held.remove(held.size() - 1).close();
            }
            return request.call();
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
            poolTimeout.setLong(running, timeout);
        }
    }

    @Test
    void healthIsUpWithDatabaseAndScheduler() throws Exception {
        HttpResponse<String> liveness = send(HttpRequest.newBuilder(uri("/actuator/health/liveness")));
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("UP");
        HttpResponse<String> info = send(HttpRequest.newBuilder(uri("/actuator/info")));
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"build\"");
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/prometheus"))).statusCode()).isEqualTo(401);
        String admin = workspaces.workspace("Metrics").bearer();
        HttpResponse<String> prometheus = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Authorization", admin));
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> details = send(HttpRequest.newBuilder(uri("/actuator/health")).header("Authorization", admin));
        assertThat(details.body()).contains("\"db\"").contains("\"dbScheduler\"");
    }
}
