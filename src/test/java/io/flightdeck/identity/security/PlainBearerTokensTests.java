package io.flightdeck.identity.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path takes exactly what Spring's resolver takes, and everything else gets Spring's answer. */
class PlainBearerTokensTests {

    private final PlainBearerTokens ours = new PlainBearerTokens();
    private final DefaultBearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    void takesWhatSpringTakes() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "bearer abc", "BEARER abc", "Bearer fdk_AbC-12.x~y+z/w",
                "Bearer abc==", "Bearer abc=d", "Bearer =", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ", "Bearer a\tb",
                "Bearer abc\n", "Bearer äbc", "Bearer ａbc", "Basic dXNlcjpwYXNz", "Bearerabc", "Bearer a,b", "Bearer a=b=",
                "bEaReR x", ""));
        Random random = new Random(26);
        String alphabet = "aZ09-._~+/= \t\näﬀK"; // the Kelvin sign and a ligature fold case outside ASCII
        for (int n = 0; n < 5_000; n++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer ");
            for (int length = random.nextInt(12); length > 0; length--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(ours, header)).as("[%s]", header).isEqualTo(outcome(springs, header));
        }
        assertThat(outcome(ours, "Bearer abc==")).isEqualTo("abc==");
        assertThat(outcome(ours, null)).isEqualTo("none");
    }

    private static String outcome(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
            String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/campaigns");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            String token = resolver.resolve(request);
            return token == null ? "none" : token;
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
