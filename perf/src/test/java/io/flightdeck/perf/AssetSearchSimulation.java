package io.flightdeck.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Asset search benchmark (issue 12), run by {@code perf/search.sh}, which seeds the assets with SQL and rebuilds the
 * index first; method, command and figures in docs/benchmarks.md ("Asset search"):
 *
 * <ol>
 *   <li>{@link #before()}: signs in as the bench user and reads the workspace's spaces and campaigns from a search's
 *       facets, outside Gatling's statistics.</li>
 *   <li>group {@code warmup}: the latency mix at the same arrival rate, reported apart and ignored.</li>
 *   <li>group {@code latency}: an open model ({@code constantUsersPerSec}) at a fixed arrival rate; each arrival makes
 *       one request: the liveness probe (the floor, in the same run) or one of five kinds of search (below).</li>
 *   <li>groups {@code sat-*}: throughput at saturation, {@code concurrency} users in a closed loop for
 *       {@code satSeconds}: the liveness probe, then the search mix, then the probe again.</li>
 * </ol>
 *
 * Searches: {@code search-blank} (everything live, newest first, facets over all of it: the most work),
 * {@code search-blank-bare} (the same without facets, {@code facets=false}),
 * {@code search-words} (one or two words, by relevance), {@code search-filters} (type, a tag and a platform, words
 * half the time), {@code search-name} (part of a file name), {@code search-space} (a space's assets, newest first,
 * page 3, without the facet counts a client paging on already has). Each is its own request name, so each has its
 * percentiles; all but search-space count the facets over all their hits.
 */
public class AssetSearchSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:18347");
    static final String EMAIL = System.getProperty("benchEmail", "search-bench@example.com");
    static final String PASSWORD = System.getProperty("benchPassword", "bench-password-1");
    static final double RATE = Double.parseDouble(System.getProperty("rate", "6"));
    static final int WARMUP_SECONDS = Integer.getInteger("warmupSeconds", 30);
    static final int LATENCY_SECONDS = Integer.getInteger("latencySeconds", 60);
    static final int CONCURRENCY = Integer.getInteger("concurrency", 4);
    static final int SAT_SECONDS = Integer.getInteger("satSeconds", 15);
    /** Percent of arrivals: liveness, blank, blank-bare, words, filters, name, space. */
    static final double[] MIX = parseMix(System.getProperty("mix", "20,5,5,30,20,10,10"));

    // the vocabulary of perf/search/seed-assets.sql
    static final String[] ADJECTIVES = {"summer", "winter", "spring", "autumn", "holiday", "premium", "classic", "urban",
            "coastal", "vintage", "bright", "quiet", "bold", "fresh", "golden", "rustic", "modern", "cosy", "wild", "electric"};
    static final String[] NOUNS = {"sale", "shoes", "jacket", "coffee", "trail", "festival", "beach", "kitchen", "garden",
            "bicycle", "lighthouse", "market", "concert", "bakery", "mountain", "harbour", "library", "studio", "picnic",
            "kite", "lantern", "orchard", "museum", "canyon", "river", "balloon", "meadow", "workshop", "parade", "island",
            "tea", "camera", "skate", "forest", "terrace", "vineyard", "theatre", "gallery", "stadium", "canal"};
    static final String[] VERBS = {"run", "hike", "cook", "paint", "sail", "dance", "read", "cycle", "bake", "swim"};
    static final String[] TAGS = {"bench", "q1", "q2", "q3", "q4", "emea", "na", "apac", "latam", "b2b", "b2c",
            "evergreen", "hero", "social", "print", "video-first", "ugc", "brand", "promo", "seasonal", "launch",
            "retarget", "awareness", "loyalty", "partner", "influencer", "story", "carousel", "banner", "newsletter"};
    static final String[] TYPES = {"IMAGE", "VIDEO", "HEADLINE", "AD_COPY"};

    static volatile String token = "";
    static volatile String[] spaces = new String[0];
    static volatile String[] platforms = new String[0];

    final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .userAgentHeader("flightdeck-perf/gatling")
            .disableWarmUp()
            .disableCaching()
            .shareConnections();

    static HttpRequestActionBuilder search(String name) {
        return http(name).get("#{url}").header("Authorization", session -> "Bearer " + token)
                .check(status().is(200), jmesPath("total").exists());
    }

    static final HttpRequestActionBuilder LIVENESS = http("liveness").get("/actuator/health/liveness")
            .check(status().is(200));

    static String any(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    static Session url(Session session, String url) {
        return session.set("url", "/api/v1/campaign-assets/search" + url);
    }

    static final ChainBuilder BLANK = exec(session -> url(session, "?size=20")).exec(search("search-blank"));
    static final ChainBuilder BLANK_BARE = exec(session -> url(session, "?size=20&facets=false"))
            .exec(search("search-blank-bare"));
    static final ChainBuilder WORDS = exec(session -> url(session, "?size=20&q=" + (ThreadLocalRandom.current().nextBoolean()
            ? any(NOUNS) : any(ADJECTIVES) + "+" + any(NOUNS)))).exec(search("search-words"));
    static final ChainBuilder FILTERS = exec(session -> url(session, "?size=20&type=" + any(TYPES) + "&tag=" + any(TAGS)
            + "&platform=" + any(platforms) + (ThreadLocalRandom.current().nextBoolean() ? "&q=" + any(VERBS) : "")))
            .exec(search("search-filters"));
    static final ChainBuilder NAME = exec(session -> url(session, "?size=20&name=" + any(NOUNS) + "-"
            + ThreadLocalRandom.current().nextInt(1, 1000))).exec(search("search-name"));
    static final ChainBuilder SPACE = exec(session -> url(session, "?size=20&page=2&sort=newest&facets=false&spaceId="
            + any(spaces)))
            .exec(search("search-space"));

    static final ChainBuilder SEARCH_MIX = randomSwitch().on(
            percent(MIX[1] / (100 - MIX[0]) * 100).then(BLANK),
            percent(MIX[2] / (100 - MIX[0]) * 100).then(BLANK_BARE),
            percent(MIX[3] / (100 - MIX[0]) * 100).then(WORDS),
            percent(MIX[4] / (100 - MIX[0]) * 100).then(FILTERS),
            percent(MIX[5] / (100 - MIX[0]) * 100).then(NAME),
            percent(MIX[6] / (100 - MIX[0]) * 100).then(SPACE));

    static final ChainBuilder ARRIVAL = randomSwitch().on(
            percent(MIX[0]).then(exec(LIVENESS)),
            percent(MIX[1]).then(BLANK),
            percent(MIX[2]).then(BLANK_BARE),
            percent(MIX[3]).then(WORDS),
            percent(MIX[4]).then(FILTERS),
            percent(MIX[5]).then(NAME),
            percent(MIX[6]).then(SPACE));

    static ScenarioBuilder open(String name) {
        return scenario(name).exec(group(name).on(ARRIVAL));
    }

    static ScenarioBuilder saturation(String name, ChainBuilder loop) {
        return scenario(name).exec(group(name).on(during(Duration.ofSeconds(SAT_SECONDS)).on(loop)));
    }

    {
        PopulationBuilder chain = inSequence(
                open("warmup").injectOpen(constantUsersPerSec(RATE).during(WARMUP_SECONDS).randomized()),
                open("latency").injectOpen(constantUsersPerSec(RATE).during(LATENCY_SECONDS).randomized()),
                saturation("sat-liveness", exec(LIVENESS)).injectOpen(atOnceUsers(CONCURRENCY)),
                saturation("sat-search", SEARCH_MIX).injectOpen(atOnceUsers(CONCURRENCY)),
                saturation("sat-liveness-end", exec(LIVENESS)).injectOpen(atOnceUsers(CONCURRENCY)));
        setUp(chain).protocols(protocol).assertions(
                // the aim, checked on the latency phase; search.sh reports it, it does not stop on it
                details("latency", "search-words").responseTime().percentile(99.0).lt(50),
                details("latency", "search-filters").responseTime().percentile(99.0).lt(50),
                global().failedRequests().count().is(0L));
    }

    static PopulationBuilder inSequence(PopulationBuilder... steps) {
        PopulationBuilder chain = steps[steps.length - 1];
        for (int i = steps.length - 2; i >= 0; i--) {
            chain = steps[i].andThen(chain);
        }
        return chain;
    }

    static double[] parseMix(String mix) {
        String[] parts = mix.split(",");
        if (parts.length != 7) {
            throw new IllegalArgumentException("mix is seven percentages: liveness,blank,blank-bare,words,filters,name,space");
        }
        double[] values = new double[7];
        double sum = 0;
        for (int i = 0; i < 7; i++) {
            values[i] = Double.parseDouble(parts[i].trim());
            sum += values[i];
        }
        if (Math.abs(sum - 100) > 0.001) {
            throw new IllegalArgumentException("mix must add up to 100, not " + sum);
        }
        return values;
    }

    @Override
    public void before() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/auth/token"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(Locale.ROOT,
                            "{\"email\":\"%s\",\"password\":\"%s\"}", EMAIL, PASSWORD))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 200) {
                throw new IOException("sign-in answered " + signedIn.statusCode() + ": " + signedIn.body());
            }
            token = first(signedIn.body(), "\"accessToken\":\"([^\"]+)\"");
            HttpResponse<String> facets = client.send(HttpRequest.newBuilder(
                            URI.create(BASE_URL + "/api/v1/campaign-assets/search?size=1"))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (facets.statusCode() != 200) {
                throw new IOException("search answered " + facets.statusCode() + ": " + facets.body());
            }
            String body = facets.body();
            spaces = all(section(body, "\"space\":"), "\"value\":\"([0-9a-f-]{36})\"");
            platforms = all(section(body, "\"platform\":"), "\"value\":\"([A-Z_]+)\"");
            System.out.println("[flightdeck-perf] searching " + first(body, "\"total\":(\\d+)") + " live assets in "
                    + spaces.length + " spaces on " + platforms.length + " platforms");
            if (spaces.length == 0 || platforms.length == 0) {
                throw new IllegalStateException("No spaces or platforms in the facets; was the index rebuilt?");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Preparing failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String section(String json, String key) {
        int start = json.indexOf(key);
        return start < 0 ? "" : json.substring(start, json.indexOf(']', start) + 1);
    }

    static String first(String text, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IOException("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    static String[] all(String text, String regex) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values.toArray(new String[0]);
    }
}
