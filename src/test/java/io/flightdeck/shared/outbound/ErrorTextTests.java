package io.flightdeck.shared.outbound;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's own words, by JSON pointer, trimmed and capped. */
class ErrorTextTests {

    static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstPointerThatHoldsTextWins() {
        ErrorText x = ErrorText.at("/errors/0/message", "/detail", "/title");
        assertThat(x.from(body("{\"errors\":[{\"message\":\"  Your Tweet text is too long.  \"}],"
                + "\"detail\":\"One or more parameters to your request was invalid.\"}")))
                .contains("Your Tweet text is too long.");
        assertThat(x.from(body("{\"errors\":[{\"message\":\" \"}],\"detail\":\"Forbidden\"}"))).contains("Forbidden");
        assertThat(x.from(body("{\"title\":\"Too Many Requests\",\"status\":429}"))).contains("Too Many Requests");
        assertThat(x.from(body("{\"status\":429}"))).isEmpty();
    }

    @Test
    void nestedObjectsAreReadByTheirPathAndNeverDumpedWhole() {
        ErrorText anthropic = ErrorText.at("/error/message", "/error");
        assertThat(anthropic.from(body("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid x-api-key\"}}"))).contains("invalid x-api-key");
        assertThat(anthropic.from(body("{\"error\":\"invalid_grant\"}"))).contains("invalid_grant");
        assertThat(anthropic.from(body("{\"error\":{\"type\":\"overloaded\"}}"))).isEmpty();
    }

    @Test
    void numbersCountAsText() {
        assertThat(ErrorText.at("/serviceErrorCode").from(body("{\"serviceErrorCode\":65601}"))).contains("65601");
    }

    @Test
    void aBodyThatIsNotJsonIsTheTextUnlessItIsMarkup() {
        ErrorText any = ErrorText.at("/detail");
        assertThat(any.from(body("  upstream connect error  "))).contains("upstream connect error");
        assertThat(any.from(body("<html><body>502 Bad Gateway</body></html>"))).isEmpty();
        assertThat(any.from(new byte[0])).isEmpty();
        assertThat(any.from(null)).isEmpty();
    }

    @Test
    void longTextIsCut() {
        String words = "word ".repeat(200);
        String text = ErrorText.at("/detail").from(body("{\"detail\":\"" + words + "\"}")).orElseThrow();
        assertThat(text).endsWith("…").hasSizeLessThanOrEqualTo(ErrorText.MAX_LENGTH + 1);
        assertThat(ErrorText.at("/detail").from(body("x".repeat(5000)))).get().asString().hasSize(ErrorText.MAX_LENGTH + 1);
    }
}
