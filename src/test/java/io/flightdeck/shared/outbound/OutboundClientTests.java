package io.flightdeck.shared.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flightdeck.shared.outbound.LocalService.Answer;
import io.flightdeck.shared.outbound.OutboundException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbound-call kit over real sockets: records both ways, every kind of failure, Retry-After, timeouts. */
class OutboundClientTests {

    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    final LocalService service;
    final OutboundClient client;

    OutboundClientTests() throws IOException {
        service = new LocalService();
        client = OutboundClient.to("Acme API").readTimeout(Duration.ofSeconds(1))
                .errorText("/errors/0/message", "/error/message", "/detail").clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    record Order(String item, @JsonProperty("max_count") Integer maxCount, String note) {
    }

    record Created(String id, String status) {
    }

    Created create(Order order) {
        return client.call(rest -> rest.post().uri(service.uri("/v1/orders")).body(order).retrieve()
                .body(Created.class));
    }

    OutboundException failure(Executable call) {
        OutboundException[] thrown = new OutboundException[1];
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(OutboundException.class, e -> thrown[0] = e);
        return thrown[0];
    }

    @Test
    void recordsGoOutAsJsonInTheirOrderWithoutNullsAndComeBackIgnoringUnknownFields() {
        service.answer(Answer.json(201, "{\"id\":\"o-1\",\"status\":\"open\",\"createdBy\":\"someone\"}"));

        Created created = create(new Order("coffee", 3, null));

        assertThat(created).isEqualTo(new Created("o-1", "open"));
        LocalService.Received request = service.received.get(0);
        assertThat(request.text()).isEqualTo("{\"item\":\"coffee\",\"max_count\":3}");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
    }

    @Test
    void anAnswerWithoutAJsonContentTypeIsStillReadAndAnEmptyOneIsNull() {
        service.answer(new Answer(200, java.util.Map.of(), "{\"id\":\"o-2\",\"status\":\"open\"}", Duration.ZERO));
        service.answer(new Answer(204, java.util.Map.of(), null, Duration.ZERO));
        assertThat(create(new Order("tea", null, null)).id()).isEqualTo("o-2");
        assertThat(create(new Order("tea", null, null))).isNull();
    }

    @Test
    void aRateLimitCarriesItsRetryAfterInSeconds() {
        service.answer(Answer.json(429, "{\"detail\":\"Slow down\"}").with("Retry-After", "7"));

        OutboundException e = failure(() -> create(new Order("coffee", 1, null)));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.serviceText()).contains("Slow down");
        assertThat(e.service()).isEqualTo("Acme API");
        assertThat(e.getMessage()).isEqualTo("Acme API answered 429: Slow down");
        assertThat(e.kind().mayHaveArrived()).isTrue();
    }

    @Test
    void aRetryAfterDateIsMeasuredFromTheClockAndCapped() {
        service.answer(Answer.json(503, "{}").with("Retry-After", "Sat, 28 Nov 2026 08:02:30 GMT"));
        service.answer(Answer.json(503, "{}").with("Retry-After", "Saturday, 28-Nov-26 07:00:00 GMT"));
        service.answer(Answer.json(503, "{}").with("Retry-After", "Sun Nov 29 08:00:00 2026"));
        service.answer(Answer.json(429, "{}").with("Retry-After", "99999999"));
        service.answer(Answer.json(429, "{}").with("Retry-After", "soon"));

        OutboundException imfFixdate = failure(() -> create(new Order("a", null, null)));
        assertThat(imfFixdate.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(imfFixdate.retryAfter()).contains(Duration.ofSeconds(150));
        assertThat(failure(() -> create(new Order("a", null, null))).retryAfter()).as("a date in the past: now")
                .contains(Duration.ZERO);
        assertThat(failure(() -> create(new Order("a", null, null))).retryAfter()).as("asctime, a day ahead")
                .contains(Duration.ofDays(1));
        assertThat(failure(() -> create(new Order("a", null, null))).retryAfter()).as("capped")
                .contains(RetryAfter.MAX);
        assertThat(failure(() -> create(new Order("a", null, null))).retryAfter()).isEmpty();
    }

    @Test
    void serverAndClientErrorsAreToldApartWithTheServicesWords() {
        service.answer(Answer.json(502, "{\"error\":{\"type\":\"overloaded\",\"message\":\"Overloaded\"}}"));
        service.answer(Answer.json(422, "{\"errors\":[{\"message\":\"item is required\"}],\"detail\":\"Invalid\"}"));
        service.answer(new Answer(302, java.util.Map.of("Location", "/elsewhere"), null, Duration.ZERO));

        OutboundException server = failure(() -> create(new Order("a", null, null)));
        assertThat(server.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(server.serviceText()).contains("Overloaded");
        OutboundException client = failure(() -> create(new Order("a", null, null)));
        assertThat(client.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(client.status()).isEqualTo(422);
        assertThat(client.serviceText()).as("the first pointer that holds text").contains("item is required");
        assertThat(client.body(Problem.class)).contains(new Problem("Invalid"));
        OutboundException redirect = failure(() -> create(new Order("a", null, null)));
        assertThat(redirect.kind()).as("redirects are not followed unless asked").isEqualTo(Kind.CLIENT_ERROR);
        assertThat(redirect.headers().getFirst("Location")).isEqualTo("/elsewhere");
    }

    record Problem(String detail) {
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsATimeout() {
        service.answer(Answer.json(200, "{\"id\":\"late\"}").after(Duration.ofSeconds(3)));
        long started = System.nanoTime();

        OutboundException e = failure(() -> create(new Order("a", null, null)));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.kind().mayHaveArrived()).isTrue();
        assertThat(e.getMessage()).isEqualTo("Acme API did not answer within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(service.received).as("the request did arrive").hasSize(1);
    }

    @Test
    void aLongerTimeoutForOneCallSharesTheService() {
        service.answer(Answer.json(200, "{\"id\":\"patient\"}").after(Duration.ofMillis(1500)));
        Created created = client.withReadTimeout(Duration.ofSeconds(5)).call(rest -> rest.get()
                .uri(service.uri("/v1/slow")).retrieve().body(Created.class));
        assertThat(created.id()).isEqualTo("patient");
    }

    @Test
    void aServiceNobodyListensOnIsUnreachableAndNothingWasSent() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port + "/v1/orders");

        OutboundException e = failure(() -> client.call(rest -> rest.get().uri(nowhere).retrieve().body(Created.class)));

        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.kind().mayHaveArrived()).isFalse();
        assertThat(e.status()).isZero();
    }

    @Test
    void aConnectionDroppedAfterTheRequestIsUnanswered() throws Exception {
        try (ServerSocket dropper = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = dropper.accept(); InputStream in = socket.getInputStream()) {
                    byte[] head = new byte[1024];
                    int read = in.read(head);
                    return new String(head, 0, Math.max(0, read), StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + dropper.getLocalPort() + "/v1/orders");

            OutboundException e = failure(() -> client.call(rest -> rest.post().uri(uri).body(new Order("a", 1, null))
                    .retrieve().body(Created.class)));

            assertThat(e.kind()).isEqualTo(Kind.UNANSWERED);
            assertThat(e.kind().mayHaveArrived()).isTrue();
            assertThat(seen.get()).startsWith("POST /v1/orders");
        }
    }

    @Test
    void aSuccessThatIsNotTheExpectedJsonIsMalformed() {
        service.answer(Answer.json(200, "<html>gateway</html>"));
        service.answer(Answer.json(200, "{\"id\":[1,2]}"));
        assertThat(failure(() -> create(new Order("a", null, null))).kind()).isEqualTo(Kind.MALFORMED_ANSWER);
        assertThat(failure(() -> create(new Order("a", null, null))).kind()).isEqualTo(Kind.MALFORMED_ANSWER);
    }

    @Test
    void headersOfASuccessAreThere() {
        service.answer(Answer.json(201, "{}").with("x-restli-id", "urn:li:share:1"));
        ResponseEntity<Created> answer = client.call(rest -> rest.post().uri(service.uri("/rest/posts"))
                .body(new Order("a", null, null)).retrieve().toEntity(Created.class));
        assertThat(answer.getHeaders().getFirst("x-restli-id")).isEqualTo("urn:li:share:1");
    }

    @Test
    void aDownloadStreamsTheFileAndAMissingOneIsAClientError() throws Exception {
        service.answer(new Answer(200, java.util.Map.of("Content-Type", "video/mp4"), "frames", Duration.ZERO));
        service.answer(Answer.json(404, "{\"detail\":\"gone\"}"));
        try (InputStream in = client.download(service.uri("/files/out.mp4"), h -> h.setBearerAuth("t0ken"))) {
            assertThat(in.readAllBytes()).isEqualTo("frames".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(service.received.get(0).headers().getFirst("Authorization")).isEqualTo("Bearer t0ken");
        OutboundException missing = failure(() -> client.download(service.uri("/files/gone.mp4"), h -> { }));
        assertThat(missing.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(missing.status()).isEqualTo(404);
    }
}
