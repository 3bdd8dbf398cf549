package io.flightdeck.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.flightdeck.FlightdeckApplication;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database, as in a cluster behind a load balancer, for the tests that take a
 * {@link Cluster} parameter. Each node is a full context on a random port in this JVM; the database is PostgreSQL
 * when the suite runs there (FLIGHTDECK_TEST_POSTGRES_URL), otherwise a named in-memory H2 database, which both
 * nodes reach because they share the JVM. The pair starts once per run, for the first class that asks, and serves every
 * two-node class after it; between classes both nodes are paused (their job pollers stopped, so on PostgreSQL, where
 * they share the suite's database, they take no other test's jobs) and the next class restarts them. Each class makes
 * its own workspaces, as every test does, so one pair serves them all.
 */
public final class TwoNodes implements ParameterResolver, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TwoNodes.class);
    private static final String PAUSED = "paused";

    private static final HttpClient API = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One node: its address, its beans, and its REST API. */
    public record Node(ConfigurableApplicationContext context) {

        public String url(String path) {
            return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
        }

        /** An API request with a JSON body (or none) and a bearer credential (or none). */
        public HttpResponse<String> send(String method, String path, String bearer, String json)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return API.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The two nodes, and whether they share PostgreSQL (where signals cross nodes) or H2. */
    public record Cluster(Node a, Node b, boolean onPostgres) implements AutoCloseable {

        /** Stops both nodes' background work (jobs, scheduled clean-ups) until {@link #restart()}. */
        void pause() {
            a.context().pause();
            b.context().pause();
        }

        void restart() {
            a.context().restart();
            b.context().restart();
        }

        /** At the end of the run: JUnit closes what its root store holds. */
        @Override
        public void close() {
            b.context().close();
            a.context().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // One cluster per run, in the root store. It is paused after each class that used it: on PostgreSQL the nodes
        // share the suite's database, and nodes left running would take the jobs of later tests, which run with their
        // own clock. The first use in a class restarts it.
        ExtensionContext.Store run = context.getRoot().getStore(NAMESPACE);
        Cluster cluster = run.computeIfAbsent(Cluster.class, key -> start(), Cluster.class);
        if (Boolean.TRUE.equals(run.remove(PAUSED, Boolean.class))) {
            cluster.restart();
        }
        return cluster;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store run = context.getRoot().getStore(NAMESPACE);
        Cluster cluster = run.get(Cluster.class, Cluster.class);
        if (cluster != null && run.get(PAUSED) == null) {
            cluster.pause();
            run.put(PAUSED, Boolean.TRUE);
        }
    }

    private static Cluster start() {
        String postgres = TestDatabase.postgresUrl();
        String url = postgres != null ? postgres : "jdbc:h2:mem:two-nodes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1";
        Node a = node("a", url);
        return new Cluster(a, node("b", url), postgres != null);
    }

    private static Node node(String name, String url) {
        return new Node(new SpringApplicationBuilder(FlightdeckApplication.class)
                .profiles("test")
                // arguments, not default properties: application.properties would win over those. The test JVM's data
                // directory, as every test context has: a job one node queued may run on another. Expired sessions
                // are deleted every second instead of every minute, so a test can see it happen.
                .run("--server.port=0", "--spring.datasource.url=" + url,
                        "--flightdeck.data-dir=" + TestDatabase.dataDir(),
                        "--spring.session.jdbc.cleanup-cron=* * * * * *"));
    }

    /**
     * A browser: one cookie jar for both nodes, as for one site behind a load balancer (cookies do not tell ports
     * apart), so a session opened on one node is sent to the other.
     */
    public static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();

        /** The CSRF token of a page's first form; the page must have answered 200. */
        public static String csrf(HttpResponse<String> page) {
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a CSRF token on the page").isTrue();
            return token.group(1);
        }

        /** Signs in through the node's sign-in form, which must send the browser home. */
        public void signIn(Node node, String email) throws IOException, InterruptedException {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", csrf(get(node, "/login")));
            form.put("email", email);
            form.put("password", TestWorkspaces.PASSWORD);
            HttpResponse<String> signedIn = post(node, "/login", form);
            assertThat(signedIn.headers().firstValue("Location")).as("signed in").hasValueSatisfying(to -> assertThat(to)
                    .endsWith("/"));
        }

        public HttpResponse<String> get(Node node, String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form of these fields, in order. */
        public HttpResponse<String> post(Node node, String path, Map<String, String> fields)
                throws IOException, InterruptedException {
            String form = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Opens a server-sent event stream; its lines arrive as the server writes them. The timeout bounds the wait for
         * its headers only, which a stream sends when its handler returns: a test that wants every thread's stack on a
         * hang sets a shorter {@code @Timeout} of its own.
         */
        public HttpResponse<Stream<String>> stream(Node node, String path)
                throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(60))
                    .header("Accept", "text/event-stream")
                    .GET().build(), HttpResponse.BodyHandlers.ofLines());
        }
    }
}
