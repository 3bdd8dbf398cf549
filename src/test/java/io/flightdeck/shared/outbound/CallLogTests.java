package io.flightdeck.shared.outbound;

import java.io.IOException;
import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.flightdeck.shared.outbound.LocalService.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every call leaves one log line (method, host, path, status, duration), and no secret gets into the log: not the
 * Authorization header, not an API key header or query parameter, not a token in the request or the answer body,
 * not the answer's headers, whatever the outcome.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallLogTests {

    static final String BEARER = "tok-bearer-SECRET-1";
    static final String API_KEY = "key-header-SECRET-2";
    static final String QUERY_KEY = "key-query-SECRET-3";
    static final String BODY_TOKEN = "tok-body-SECRET-4";
    static final String ANSWER_TOKEN = "tok-answer-SECRET-5";

    final Logger logger = (Logger) LoggerFactory.getLogger(CallLog.class);
    Level before;
    LocalService service;

    @BeforeEach
    void setUp() throws IOException {
        before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        service = new LocalService();
    }

    @AfterEach
    void tearDown() {
        logger.setLevel(before);
        service.close();
    }

    record Login(String user, String token) {
    }

    record Session(String session, String token) {
    }

    Session login(OutboundClient client) {
        return client.call(rest -> rest.post().uri(service.uri("/v1/sessions?api_key=" + QUERY_KEY))
                .headers(h -> {
                    h.setBearerAuth(BEARER);
                    h.set("x-api-key", API_KEY);
                }).body(new Login("kim", BODY_TOKEN)).retrieve().body(Session.class));
    }

    @Test
    void oneLinePerCallWithoutHeadersTokensQueriesOrBodies(CapturedOutput output) {
        OutboundClient client = OutboundClient.to("Acme API").readTimeout(Duration.ofSeconds(1)).build();
        service.answer(Answer.json(200, "{\"session\":\"s1\",\"token\":\"" + ANSWER_TOKEN + "\"}")
                .with("Set-Cookie", "sid=" + ANSWER_TOKEN));
        service.answer(Answer.json(401, "{\"detail\":\"bad key " + API_KEY.substring(0, 3) + "\",\"token\":\""
                + ANSWER_TOKEN + "\"}").with("WWW-Authenticate", "Bearer " + ANSWER_TOKEN));
        service.answer(Answer.json(200, "{}").after(Duration.ofSeconds(2)));

        assertThat(login(client).token()).isEqualTo(ANSWER_TOKEN);
        assertThatThrownBy(() -> login(client)).isInstanceOf(OutboundException.class);
        assertThatThrownBy(() -> login(client)).isInstanceOf(OutboundException.class)
                .hasMessageNotContaining("SECRET");
        try {
            client.download(service.uri("/files/a.png?sig=" + QUERY_KEY), h -> h.setBearerAuth(BEARER)).close();
        } catch (IOException | OutboundException e) {
            // the line is what matters here
        }

        String logged = output.getAll();
        assertThat(logged).contains("outbound Acme API POST 127.0.0.1:").contains("/v1/sessions -> 200 in ")
                .contains("/v1/sessions -> 401 in ").contains("/v1/sessions -> timeout in ")
                .contains("GET 127.0.0.1:").contains("/files/a.png -> ");
        assertThat(logged.lines().filter(line -> line.contains("outbound Acme API"))).hasSize(4);
        assertThat(logged).doesNotContain("SECRET").doesNotContain("api_key").doesNotContain("Authorization")
                .doesNotContain("Bearer").doesNotContain("kim");
        assertThat(service.received.get(0).headers().getFirst("Authorization")).as("the secrets were sent")
                .isEqualTo("Bearer " + BEARER);
    }

    @Test
    void successesAreDebugAndFailuresInfo(CapturedOutput output) {
        logger.setLevel(Level.INFO);
        OutboundClient client = OutboundClient.to("Quiet API").build();
        service.answer(Answer.json(200, "{}"));
        service.answer(Answer.json(503, "{}"));
        login(client);
        assertThatThrownBy(() -> login(client)).isInstanceOf(OutboundException.class);
        assertThat(output.getAll().lines().filter(line -> line.contains("outbound Quiet API")).toList())
                .singleElement().asString().contains("-> 503");
    }

    @Test
    void aClientWhosePathsAreCredentialsLogsTheHostOnly(CapturedOutput output) {
        OutboundClient client = OutboundClient.to("Hook").secretPaths().build();
        service.answer(Answer.json(404, "{}"));
        assertThatThrownBy(() -> client.call(rest -> rest.post().uri(service.uri("/services/T1/B2/" + BODY_TOKEN))
                .body("{}").retrieve().toBodilessEntity())).isInstanceOf(OutboundException.class);
        assertThat(output.getAll().lines().filter(line -> line.contains("outbound Hook")).toList()).singleElement()
                .asString().contains("127.0.0.1:").contains("/… -> 404").doesNotContain("SECRET").doesNotContain("services");
    }
}
