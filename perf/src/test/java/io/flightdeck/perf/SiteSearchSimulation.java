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
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Site search benchmark (issue 48), run by {@code perf/site-search.sh}, which seeds a mix of kinds (assets, campaigns,
 * tasks, contacts) with SQL and rebuilds the index through {@code POST /api/v1/search/reindex} first; method and command
 * in perf/README.md and docs/benchmarks.md ("Site search"). The one search box, {@code GET /api/v1/search}: every
 * answer carries the facet counts (type, status, owner, tag, channel, date) over all its hits, so every request below
 * pays for them; each checks that {@code facets} is in the answer.
 *
 * <ol>
 *   <li>{@link #before()}: signs in as the bench user and checks that the index finds something, outside Gatling's
 *       statistics.</li>
 *   <li>group {@code warmup}: the latency mix at the same arrival rate, reported apart and ignored.</li>
 *   <li>group {@code latency}: an open model ({@code constantUsersPerSec}) at a fixed arrival rate; each arrival makes
 *       one request: the liveness probe (the floor, in the same run) or one of six kinds of search (below).</li>
 *   <li>groups {@code sat-*}: throughput at saturation, {@code concurrency} users in a closed loop for
 *       {@code satSeconds}: the liveness probe, then the search mix, then the probe again.</li>
 * </ol>
 *
 * Searches, each its own request name so each has its percentiles: {@code search-empty} (no words: everything, newest
 * first, facets over all of it: the most facet work), {@code search-word} (one word), {@code search-two-words} (two
 * words, both must match), {@code search-typo} (one word with two letters swapped, found by the fuzzy match),
 * {@code search-filters} (a type and a status, a tag, or a date range, words half the time) and {@code search-page2}
 * (one word, the second page).
 */
public class SiteSearchSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:18348");
    static final String EMAIL = System.getProperty("benchEmail", "site-search@example.com");
    static final String PASSWORD = System.getProperty("benchPassword", "bench-password-1");
    static final double RATE = Double.parseDouble(System.getProperty("rate", "6"));
    static final int WARMUP_SECONDS = Integer.getInteger("warmupSeconds", 30);
    static final int LATENCY_SECONDS = Integer.getInteger("latencySeconds", 60);
    static final int CONCURRENCY = Integer.getInteger("concurrency", 4);
    static final int SAT_SECONDS = Integer.getInteger("satSeconds", 15);
    static final String[] NAMES = {"liveness", "search-empty", "search-word", "search-two-words", "search-typo",
            "search-filters", "search-page2"};
    /** Percent of arrivals, in the order of {@link #NAMES}. */
    static final double[] MIX = parseMix(System.getProperty("mix", "20,10,15,15,10,20,10"));

    // the vocabulary of perf/search/seed-assets.sql, which perf/site-search/seed-mix.sql reuses for every kind
    static final String[] ADJECTIVES = {"summer", "winter", "spring", "autumn", "holiday", "premium", "classic", "urban",
            "coastal", "vintage", "bright", "quiet", "bold", "fresh", "golden", "rustic", "modern", "cosy", "wild", "electric"};
    static final String[] NOUNS = {"sale", "shoes", "jacket", "coffee", "trail", "festival", "beach", "kitchen", "garden",
            "bicycle", "lighthouse", "market", "concert", "bakery", "mountain", "harbour", "library", "studio", "picnic",
            "kite", "lantern", "orchard", "museum", "canyon", "river", "balloon", "meadow", "workshop", "parade", "island",
            "tea", "camera", "skate", "forest", "terrace", "vineyard", "theatre", "gallery", "stadium", "canal"};
    static final String[] TAGS = {"bench", "q1", "q2", "q3", "q4", "emea", "na", "apac", "latam", "b2b", "b2c",
            "evergreen", "hero", "social", "print", "video-first", "ugc", "brand", "promo", "seasonal", "launch",
            "retarget", "awareness", "loyalty", "partner", "influencer", "story", "carousel", "banner", "newsletter"};
    /** A kind with one of the statuses the seed gives it. */
    static final String[][] TYPE_STATUS = {{"task", "TODO"}, {"task", "IN_PROGRESS"}, {"task", "DONE"},
            {"campaign", "ACTIVE"}, {"campaign", "PLANNING"}, {"contact", "SUBSCRIBED"}, {"contact", "BOUNCED"}};

    static volatile String token = "";

    final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .userAgentHeader("flightdeck-perf/gatling")
            .disableWarmUp()
            .disableCaching()
            .shareConnections();

    static HttpRequestActionBuilder search(String name) {
        return http(name).get("#{url}").header("Authorization", session -> "Bearer " + token)
                .check(status().is(200), jmesPath("total").exists(), jmesPath("facets.type").exists());
    }

    static final HttpRequestActionBuilder LIVENESS = http("liveness").get("/actuator/health/liveness")
            .check(status().is(200));

    static String any(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    static Session url(Session session, String query) {
        return session.set("url", "/api/v1/search?size=20" + query);
    }

    /** A noun of six letters or more with two neighbouring letters swapped: one edit for the fuzzy match. */
    static String typo() {
        String word;
        do {
            word = any(NOUNS);
        } while (word.length() < 6);
        int i = ThreadLocalRandom.current().nextInt(1, word.length() - 2);
        return word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
    }

    static String filters() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String words = r.nextBoolean() ? "&q=" + any(NOUNS) : "";
        switch (r.nextInt(3)) {
            case 0:
                String[] typeStatus = TYPE_STATUS[r.nextInt(TYPE_STATUS.length)];
                return "&type=" + typeStatus[0] + "&status=" + typeStatus[1] + words;
            case 1:
                return "&tag=" + any(TAGS) + words;
            default:
                int month = r.nextInt(1, 13);
                return String.format(Locale.ROOT, "&from=2026-%02d-01&to=2026-%02d-28", month, month) + words;
        }
    }

    static final ChainBuilder[] SEARCHES = {
            exec(session -> url(session, "")).exec(search(NAMES[1])),
            exec(session -> url(session, "&q=" + any(NOUNS))).exec(search(NAMES[2])),
            exec(session -> url(session, "&q=" + any(ADJECTIVES) + "+" + any(NOUNS))).exec(search(NAMES[3])),
            exec(session -> url(session, "&q=" + typo())).exec(search(NAMES[4])),
            exec(session -> url(session, filters())).exec(search(NAMES[5])),
            // page is 0-based: 1 is the second page
            exec(session -> url(session, "&page=1&q=" + any(NOUNS))).exec(search(NAMES[6]))};

    static final ChainBuilder SEARCH_MIX = randomSwitch().on(
            percent(MIX[1] / (100 - MIX[0]) * 100).then(SEARCHES[0]),
            percent(MIX[2] / (100 - MIX[0]) * 100).then(SEARCHES[1]),
            percent(MIX[3] / (100 - MIX[0]) * 100).then(SEARCHES[2]),
            percent(MIX[4] / (100 - MIX[0]) * 100).then(SEARCHES[3]),
            percent(MIX[5] / (100 - MIX[0]) * 100).then(SEARCHES[4]),
            percent(MIX[6] / (100 - MIX[0]) * 100).then(SEARCHES[5]));

    static final ChainBuilder ARRIVAL = randomSwitch().on(
            percent(MIX[0]).then(exec(LIVENESS)),
            percent(MIX[1]).then(SEARCHES[0]),
            percent(MIX[2]).then(SEARCHES[1]),
            percent(MIX[3]).then(SEARCHES[2]),
            percent(MIX[4]).then(SEARCHES[3]),
            percent(MIX[5]).then(SEARCHES[4]),
            percent(MIX[6]).then(SEARCHES[5]));

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
                // the aim (p99 < 50 ms, facets included), checked on the latency phase for every search;
                // site-search.sh reports it, it does not stop on it
                details("latency", NAMES[1]).responseTime().percentile(99.0).lt(50),
                details("latency", NAMES[2]).responseTime().percentile(99.0).lt(50),
                details("latency", NAMES[3]).responseTime().percentile(99.0).lt(50),
                details("latency", NAMES[4]).responseTime().percentile(99.0).lt(50),
                details("latency", NAMES[5]).responseTime().percentile(99.0).lt(50),
                details("latency", NAMES[6]).responseTime().percentile(99.0).lt(50),
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
        if (parts.length != NAMES.length) {
            throw new IllegalArgumentException("mix is seven percentages: " + String.join(",", NAMES));
        }
        double[] values = new double[NAMES.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
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
            token = AssetSearchSimulation.first(signedIn.body(), "\"accessToken\":\"([^\"]+)\"");
            HttpResponse<String> all = client.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/search?size=1"))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (all.statusCode() != 200) {
                throw new IOException("search answered " + all.statusCode() + ": " + all.body());
            }
            String total = AssetSearchSimulation.first(all.body(), "\"total\":(\\d+)");
            System.out.println("[flightdeck-perf] searching " + total + " items");
            if ("0".equals(total)) {
                throw new IllegalStateException("The search finds nothing; was the index rebuilt?");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Preparing failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
