package io.flightdeck.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API calls of a benchmark's set-up: JSON in, JSON out, anything but 2xx an error; fields read by pattern. */
final class BenchHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    BenchHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The first string field of that name: the top-level one in the answers read here. */
    static String field(String json, String name) {
        List<String> all = all(json, name);
        if (all.isEmpty()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return all.get(0);
    }

    static List<String> all(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** A string's content for a JSON string literal (quotes and backslashes; the HTML here has no control chars). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
