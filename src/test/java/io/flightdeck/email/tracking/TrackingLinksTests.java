package io.flightdeck.email.tracking;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.support.TestLinkKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingLinksTests {

    private static final String BASE = "https://flightdeck.example.com";
    private static final UUID SEND = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");
    private static final UUID CONTACT = UUID.fromString("01890a5d-ac96-7c1d-9a3e-5f0c2d8e4b11");
    private static final String URL_SAFE = "[A-Za-z0-9_-]+";

    private final TrackingLinks links = links(1);

    private static TrackingLinks links(int seed) {
        return new TrackingLinks(TestLinkKeys.linkKeys(seed).tokens(TrackingLinks.KEY_PURPOSE));
    }

    private static String token(String url, String path) {
        assertThat(url).startsWith(BASE + path);
        return url.substring((BASE + path).length());
    }

    @Test
    void aClickLinkRoundTrips() {
        String url = links.clickUrl(BASE, SEND, CONTACT, 3, "https://shop.example.com/spring?utm_source=email&x=1#top");
        String token = token(url, TrackingLinks.CLICK_PATH);
        assertThat(token).matches(URL_SAFE);

        var click = links.click(token);
        assertThat(click.sendId()).isEqualTo(SEND);
        assertThat(click.contactId()).isEqualTo(CONTACT);
        assertThat(click.linkIndex()).isEqualTo(3);
        assertThat(click.target().toString()).isEqualTo("https://shop.example.com/spring?utm_source=email&x=1#top");
    }

    @Test
    void anOpenPixelAndAnUnsubscribeRoundTrip() {
        String open = token(links.openUrl(BASE + "/", SEND, CONTACT), TrackingLinks.OPEN_PATH); // the slash is dropped
        assertThat(links.open(open)).isEqualTo(new TrackingLinks.OpenPixel(SEND, CONTACT));

        String unsubscribe = links.unsubscribeToken(SEND, CONTACT);
        assertThat(links.unsubscribe(unsubscribe)).isEqualTo(new TrackingLinks.Unsubscribe(SEND, CONTACT));
        assertThat(links.unsubscribeUrl(BASE, SEND, CONTACT)).isEqualTo(BASE + "/t/u/" + unsubscribe);
    }

    @Test
    void theUnsubscribeTokenIsShortOpaqueAndStable() {
        String token = links.unsubscribeToken(SEND, CONTACT);
        // 2 + 16 + 16 bytes of payload and a 16-byte tag: 50 bytes, 67 base64 characters
        assertThat(token).hasSize(67).matches(URL_SAFE);
        assertThat(links.unsubscribeToken(SEND, CONTACT)).isEqualTo(token);
        assertThat(links.unsubscribeToken(SEND, UUID.randomUUID())).isNotEqualTo(token);
        // room for the version, the kind, the two ids and the tag, and for nothing else: no address, no name
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(2 + 16 + 16 + 16);
    }

    @Test
    void everyAlteredCharacterIsRefused() {
        String token = token(links.clickUrl(BASE, SEND, CONTACT, 0, "https://example.com/a"), TrackingLinks.CLICK_PATH);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            char original = token.charAt(i);
            // the next character of the alphabet: for the last character this also flips the spare bits the decoder
            // would otherwise ignore
            char changed = alphabet.charAt((alphabet.indexOf(original) + 1) % alphabet.length());
            String altered = token.substring(0, i) + changed + token.substring(i + 1);
            assertThatThrownBy(() -> links.click(altered)).as("position " + i).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> links.click(token.substring(0, token.length() - 1))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.click(token + "A")).isInstanceOf(NotFoundException.class);
        for (String junk : new String[] {"", "!!!", "a.b", "+" + token.substring(1), "AAAA"}) {
            assertThatThrownBy(() -> links.click(junk)).as(junk).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> links.click(null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTargetCannotBeSwappedEvenKeepingTheTag() {
        // a forger keeps our tag and writes their own target in the payload
        byte[] sealed = Base64.getUrlDecoder().decode(
                token(links.clickUrl(BASE, SEND, CONTACT, 0, "https://example.com/a"), TrackingLinks.CLICK_PATH));
        byte[] forged = sealed.clone();
        forged[2 + 32 + 2 + "https://".length()] = 'X'; // https://Xxample.com/a
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(forged);
        assertThatThrownBy(() -> links.click(token)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTokenFromAnotherKeyIsRefused() {
        var otherKey = links(2);
        String click = token(otherKey.clickUrl(BASE, SEND, CONTACT, 0, "https://example.com/"), TrackingLinks.CLICK_PATH);
        String open = token(otherKey.openUrl(BASE, SEND, CONTACT), TrackingLinks.OPEN_PATH);
        assertThatThrownBy(() -> links.click(click)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.open(open)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.unsubscribe(otherKey.unsubscribeToken(SEND, CONTACT)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTokenOfOneKindNeverPassesAsAnother() {
        String open = token(links.openUrl(BASE, SEND, CONTACT), TrackingLinks.OPEN_PATH);
        String unsubscribe = links.unsubscribeToken(SEND, CONTACT);
        String click = token(links.clickUrl(BASE, SEND, CONTACT, 0, "https://example.com/"), TrackingLinks.CLICK_PATH);
        // an open pixel lands in every inbox; it must not unsubscribe anyone
        assertThatThrownBy(() -> links.unsubscribe(open)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.click(open)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.open(unsubscribe)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.unsubscribe(click)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyHttpAndHttpsTargetsAreSigned() {
        String[] refused = {"javascript:alert(document.cookie)", "JavaScript:alert(1)", "  javascript:alert(1)",
                "java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "vbscript:msgbox(1)", "file:///etc/passwd", "mailto:someone@example.com", "//evil.example/",
                "/relative/path", "https://", "https://bank.example@evil.example/", "http://exa mple.com/", ""};
        for (String target : refused) {
            assertThatThrownBy(() -> links.clickUrl(BASE, SEND, CONTACT, 0, target))
                    .as(target)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("targetUrl"));
        }
        assertThatThrownBy(() -> links.clickUrl(BASE, SEND, CONTACT, 0, "javascript:alert(1)"))
                .hasMessage("Only http and https addresses can be linked; this one is javascript:");
        assertThatThrownBy(() -> links.clickUrl(BASE, SEND, CONTACT, 0, null)).isInstanceOf(InvalidInputException.class);
        // upper-case schemes are still http
        assertThat(links.click(token(links.clickUrl(BASE, SEND, CONTACT, 0, "HTTP://example.com/x"),
                TrackingLinks.CLICK_PATH)).target().getHost()).isEqualTo("example.com");
    }

    @Test
    void aVeryLongTargetIsSignedUpToTheLimitAndRefusedBeyond() {
        String longTarget = "https://example.com/landing?ref=" + "a".repeat(TrackingLinks.MAX_TARGET_LENGTH - 32);
        assertThat(longTarget).hasSize(TrackingLinks.MAX_TARGET_LENGTH);
        String token = token(links.clickUrl(BASE, SEND, CONTACT, 65_535, longTarget), TrackingLinks.CLICK_PATH);
        assertThat(token).matches(URL_SAFE);
        var click = links.click(token);
        assertThat(click.target().toString()).isEqualTo(longTarget);
        assertThat(click.linkIndex()).isEqualTo(65_535);

        assertThatThrownBy(() -> links.clickUrl(BASE, SEND, CONTACT, 0, longTarget + "b"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The address is 4,097 characters long; addresses over 4,096 characters are refused because "
                        + "mail clients and browsers may cut them");
    }

    @Test
    void tokensAreUrlSafeWhateverTheTarget() {
        // non-ASCII, reserved characters and bytes that base64 would spell with + and /
        // each goes on to the address as a browser would open it: non-ASCII as UTF-8 percent-encoded, and the
        // apostrophe of a query encoded as the WHATWG URL Standard encodes it
        String[][] targets = {{"https://example.com/café?q=ñ&r=€", "https://example.com/caf%C3%A9?q=%C3%B1&r=%E2%82%AC"},
                {"https://example.com/?a=%2F%2B%3D&b=~!$'()*,;", "https://example.com/?a=%2F%2B%3D&b=~!$%27()*,;"},
                {"https://example.com/" + "\u00ff".repeat(40), "https://example.com/" + "%C3%BF".repeat(40)},
                {"http://example.com:8080/path/", "http://example.com:8080/path/"}};
        for (String[] target : targets) {
            String url = links.clickUrl(BASE, SEND, CONTACT, 7, target[0]);
            assertThat(token(url, TrackingLinks.CLICK_PATH)).as(target[0]).matches(URL_SAFE);
            assertThat(links.click(token(url, TrackingLinks.CLICK_PATH)).target().toString()).isEqualTo(target[1]);
        }
    }

    @Test
    void aLinkWithASpaceABarOrBracesIsSignedAsMailAppsReadItAndRedirectsThere() {
        // java.net.URI (RFC 2396) refuses all of these; browsers and mail apps open them (WHATWG URL Standard)
        String[][] targets = {{"https://shop.example/sale?tag=a|b", "https://shop.example/sale?tag=a%7Cb"},
                {"https://shop.example/a b", "https://shop.example/a%20b"},
                {"https://shop.example/{id}/x?q={q}", "https://shop.example/%7Bid%7D/x?q=%7Bq%7D"},
                {"HTTPS://Shop.Example/path", "https://shop.example/path"},
                {"https://bücher.example/", "https://xn--bcher-kva.example/"}};
        for (String[] target : targets) {
            var click = links.click(token(links.clickUrl(BASE, SEND, CONTACT, 1, target[0]), TrackingLinks.CLICK_PATH));
            assertThat(click.target().toString()).as(target[0]).isEqualTo(target[1]);
            assertThat(click.target().getHost()).as(target[0]).isNotNull();
        }
        assertThatThrownBy(() -> links.clickUrl(BASE, SEND, CONTACT, 0, "https://"))
                .hasMessage("The address has no host name");
        assertThatThrownBy(() -> links.clickUrl(BASE, SEND, CONTACT, 0, "https://bank.example@evil.example/"))
                .hasMessage("An address with a user name or password before the host is refused");
    }

    @Test
    void aLinkSignedBeforeLinksWereReadByTheStandardKeepsItsSpelling() throws Exception {
        // signed as written by an earlier version (the standard would add the slash): its clicks keep being counted
        // under the address they were counted under, and a token of the same format with a bad target is refused
        assertThat(links.click(tokenAsSignedBefore("https://example.com")).target().toString())
                .isEqualTo("https://example.com");
        assertThatThrownBy(() -> links.click(tokenAsSignedBefore("https://bank.example@evil.example/")))
                .isInstanceOf(NotFoundException.class);
    }

    /** A click token in the documented format, signed with this test's key. */
    private static String tokenAsSignedBefore(String target) throws Exception {
        byte[] url = target.getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(2 + 32 + 2 + url.length).put((byte) 1).put((byte) 'c')
                .putLong(SEND.getMostSignificantBits()).putLong(SEND.getLeastSignificantBits())
                .putLong(CONTACT.getMostSignificantBits()).putLong(CONTACT.getLeastSignificantBits())
                .putShort((short) 0).put(url);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestLinkKeys.masterKey(1).derive("flightdeck:email-tracking:v1"), "HmacSHA256"));
        byte[] tag = Arrays.copyOf(mac.doFinal(payload.array()), 16);
        byte[] sealed = Arrays.copyOf(payload.array(), payload.capacity() + 16);
        System.arraycopy(tag, 0, sealed, payload.capacity(), 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    @Test
    void badArgumentsAreRefusedInPlainWords() {
        assertThatThrownBy(() -> links.clickUrl(BASE, SEND, CONTACT, 65_536, "https://example.com/"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> links.clickUrl(BASE, SEND, CONTACT, -1, "https://example.com/"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> links.openUrl("ftp://example.com", SEND, CONTACT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"));
        assertThatThrownBy(() -> links.openUrl(BASE + "/?x=1", SEND, CONTACT)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> links.openUrl(BASE, null, CONTACT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sendId"));
    }

    @Test
    void linksInMailSentBeforeTheSigningKitStillWorkAndAreMadeTheSameWay() {
        // made by the code before the kit, under the test profile's master key: generation 1 is that layout
        TrackingLinks before = new TrackingLinks(TestLinkKeys.linkKeys(TestLinkKeys.masterKey(
                TestLinkKeys.TEST_PROFILE_KEY), Clock.systemUTC()).tokens(TrackingLinks.KEY_PURPOSE));
        UUID send = UUID.fromString("11111111-1111-4111-8111-111111111111");
        UUID contact = UUID.fromString("22222222-2222-4222-8222-222222222222");
        String click = "AWMRERERERFBEYERERERERERIiIiIiIiQiKCIiIiIiIiIgADaHR0cHM6Ly9leGFtcGxlLmNvbS9sYXVuY2g_"
                + "dXRtX3NvdXJjZT1lbWFpbLeCmh_EmYA1Wvh4iB6qRYo";
        String open = "AW8RERERERFBEYERERERERERIiIiIiIiQiKCIiIiIiIiIqe66jO23dgmgW_hbryb0Uw";
        String unsubscribe = "AXURERERERFBEYERERERERERIiIiIiIiQiKCIiIiIiIiIrcPXFGzSx_m4zYEHo9Pc2I";

        assertThat(before.click(click)).isEqualTo(new TrackingLinks.LinkClick(send, contact, 3,
                URI.create("https://example.com/launch?utm_source=email")));
        assertThat(before.open(open)).isEqualTo(new TrackingLinks.OpenPixel(send, contact));
        assertThat(before.unsubscribe(unsubscribe)).isEqualTo(new TrackingLinks.Unsubscribe(send, contact));
        String base = "https://mail.example.com";
        assertThat(before.clickUrl(base, send, contact, 3, "https://example.com/launch?utm_source=email"))
                .isEqualTo(base + "/t/c/" + click);
        assertThat(before.openUrl(base, send, contact)).isEqualTo(base + "/t/o/" + open);
        assertThat(before.unsubscribeToken(send, contact)).isEqualTo(unsubscribe);
    }
}
