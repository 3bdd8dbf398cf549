package io.flightdeck.publishing.channels;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.flightdeck.publishing.channels.OAuthTokens.Grant;
import io.flightdeck.publishing.networks.instagram.FakeInstagram;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared code exchange against Instagram's Business Login (FakeInstagram): the address with comma-separated
 * scopes and no PKCE, and the token answer as documented inside {@code data[0]} as well as flat.
 */
class InstagramCodeExchangeTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final FakeInstagram fake = new FakeInstagram(clock);
    final OAuthTokens tokens = new OAuthTokens(clock);

    @BeforeEach
    void setUp() {
        server.setDispatcher(fake);
    }

    @AfterEach
    void theFakeSawOnlyDocumentedRequests() {
        assertThat(fake.violations).isEmpty();
    }

    OAuthClient client() {
        return new OAuthClient(URI.create("https://www.instagram.com/oauth/authorize"),
                URI.create(server.url("/oauth/access_token").toString()), FakeInstagram.APP_ID,
                FakeInstagram.APP_SECRET, List.of("instagram_business_basic", "instagram_business_content_publish"),
                false, false, "client_id", ",");
    }

    @Test
    void theAuthorizationAddressJoinsScopesWithCommasAndHasNoChallenge() {
        URI uri = tokens.authorizationUri(client(), URI.create(FakeInstagram.REDIRECT), "state-1", null);

        assertThat(uri.toString()).startsWith("https://www.instagram.com/oauth/authorize?response_type=code&client_id="
                + FakeInstagram.APP_ID).contains("&scope=instagram_business_basic%2Cinstagram_business_content_publish")
                .doesNotContain("code_challenge");
    }

    @Test
    void theCodeIsExchangedWhetherInstagramWrapsItsAnswerInDataOrNot() {
        Grant wrapped = tokens.exchange(client(), FakeInstagram.CODE, URI.create(FakeInstagram.REDIRECT), null);
        assertThat(wrapped.accessToken()).isEqualTo(FakeInstagram.SHORT_TOKEN);
        assertThat(wrapped.refreshToken()).isNull();

        fake.wrappedCodeAnswer = false;
        Grant flat = tokens.exchange(client(), FakeInstagram.CODE, URI.create(FakeInstagram.REDIRECT), null);
        assertThat(flat.accessToken()).isEqualTo(FakeInstagram.SHORT_TOKEN);
    }
}
