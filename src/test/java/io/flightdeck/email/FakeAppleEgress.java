package io.flightdeck.email;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/**
 * Apple's egress list as Apple serves it at {@code https://mask-api.icloud.com/egress-ip-ranges.csv}: a CSV download,
 * one range a line ({@code prefix,country,region,city,}), IPv4 and IPv6, over real HTTP on a local port. What it
 * answers can be changed (a 503, an error page), and it counts the fetches. A daemon that lives as long as the JVM,
 * like the SMTP server of {@link EmailSendingContext}, whose context fetches from it.
 */
final class FakeAppleEgress {

    static final String PATH = "/egress-ip-ranges.csv";
    /** Ranges of the list (and not of the built-in ones) that tests open from. */
    static final String LISTED_V6 = "2a02:26f7:d6c0:6800::/64";
    static final String LISTED_V4 = "146.75.166.0/27";
    /** A list in Apple's shape: 2,000 IPv6 /64s and 1,000 IPv4 /27s in a row (touching), and the two above. */
    static final String LIST = list();
    static final int LIST_RANGES = 3002;

    private final HttpServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "text/csv", LIST));
    final AtomicInteger fetches = new AtomicInteger();

    private record Answer(int status, String type, String body) {
    }

    private FakeAppleEgress() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, exchange -> {
            fetches.incrementAndGet();
            Answer now = answer.get();
            byte[] body = now.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", now.type());
            exchange.sendResponseHeaders(now.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    static FakeAppleEgress start() {
        try {
            return new FakeAppleEgress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    void answer(int status, String type, String body) {
        answer.set(new Answer(status, type, body));
    }

    void answerTheList() {
        answer(200, "text/csv", LIST);
    }

    private static String list() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            csv.append(String.format("2a02:26f7:b3c0:%x::/64,GB,GB-EN,London,%n", 0x4000 + i));
        }
        for (int i = 0; i < 1000; i++) {
            csv.append(String.format("172.226.%d.%d/27,US,US-CA,Los Angeles,%n", i / 8, (i % 8) * 32));
        }
        csv.append(LISTED_V6).append(",DE,DE-BE,Berlin,\n");
        csv.append(LISTED_V4).append(",FR,FR-IDF,Paris,\n");
        return csv.toString();
    }
}
