package io.flightdeck.email.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.email.settings.SenderSettings;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.TrackedEmail;
import io.flightdeck.email.tracking.TrackingLinks;
import io.flightdeck.shared.mail.OutgoingMail;
import io.flightdeck.support.TestLinkKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One recipient's message as the send composes it: RFC 8058's List-Unsubscribe-Post only beside an https unsubscribe
 * address (List-Unsubscribe always), and each web link, one with merge fields too, the recipient's own signed redirect
 * to the address a browser would open.
 */
class MessageComposerTests {

    private static final UUID WORKSPACE = UUID.randomUUID();
    private static final UUID EMAIL = UUID.randomUUID();
    private static final SenderSettings SENDER = new SenderSettings("Shop", "news@shop.example", null, "1 Main St",
            true);
    private final TrackingLinks links = new TrackingLinks(TestLinkKeys.linkKeys(7).tokens(TrackingLinks.KEY_PURPOSE));

    private MessageComposer composer(String baseUrl, String html) {
        return new MessageComposer(WORKSPACE, EMAIL, TrackedEmail.prepare(new EmailContent("Hello", "", html)), SENDER,
                links, baseUrl, JsonMapper.builder().build());
    }

    private static SendLedger.Due row(String address, String attributes) {
        return new SendLedger.Due(UUID.randomUUID(), UUID.randomUUID(), address, "Ana Lima", attributes, "SUBSCRIBED",
                true, 0, null);
    }

    @Test
    void oneClickUnsubscribeIsOfferedOnlyOverHttpsWhileTheUnsubscribeHeaderAlwaysGoes() {
        OutgoingMail secure = composer("https://flightdeck.example", "<p>Hi</p>").compose(row("ana@example.com", null));
        assertThat(secure.headers().get("List-Unsubscribe")).matches("<https://flightdeck\\.example/t/u/[A-Za-z0-9_-]+>");
        assertThat(secure.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        OutgoingMail plain = composer("http://localhost:8080", "<p>Hi</p>").compose(row("ana@example.com", null));
        assertThat(plain.headers().get("List-Unsubscribe")).matches("<http://localhost:8080/t/u/[A-Za-z0-9_-]+>");
        assertThat(plain.headers()).doesNotContainKey("List-Unsubscribe-Post");
    }

    @Test
    void everyWebLinkIsTheRecipientsOwnRedirectEvenWithASpaceABarOrAMergeField() {
        MessageComposer composer = composer("https://flightdeck.example", """
                <p><a href="https://shop.example/a b">a</a> <a href="https://shop.example/sale?tag=a|b">b</a>
                <a href="https://shop.example/?who={{email}}">c</a> <a href="{{unsubscribe_url}}">leave</a></p>""");
        SendLedger.Due ana = row("ana@example.com", "{\"city\":\"Lisbon\"}");
        OutgoingMail mail = composer.compose(ana);

        Matcher click = Pattern.compile("href=\"https://flightdeck\\.example/t/c/([A-Za-z0-9_-]+)\"").matcher(mail.html());
        List<String> targets = new ArrayList<>();
        while (click.find()) {
            TrackingLinks.LinkClick clicked = links.click(click.group(1));
            assertThat(clicked.sendId()).isEqualTo(EMAIL);
            assertThat(clicked.contactId()).isEqualTo(ana.contactId());
            targets.add(clicked.target().toString());
        }
        assertThat(targets).containsExactly("https://shop.example/a%20b", "https://shop.example/sale?tag=a%7Cb",
                "https://shop.example/?who=ana%40example.com");
        assertThat(mail.html()).contains("href=\"https://flightdeck.example/t/u/");
    }
}
