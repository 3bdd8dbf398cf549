package io.flightdeck.email.sending;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two items of an email's readiness that need no database: its links, read as the send reads them (an email stored
 * before links were checked may hold one the send cannot track), and the note that mail apps' one-click unsubscribe is
 * off while the base URL is not https, which never blocks.
 */
class EmailReadinessNotesTests {

    private static EmailDraft draft(String html) {
        return new EmailDraft("News", "Hello", null, html, null, List.of(UUID.randomUUID()), null);
    }

    @Test
    void aLinkTheSendCannotTrackBlocksAndNamesTheLinkWhileLinksMailAppsOpenPass() {
        EmailReadinessItem fine = EmailReadinessCheck.links(draft("<p><a href=\"https://shop.example/a b\">a</a>"
                + "<a href=\"https://shop.example/?tag=a|b&who={{email}}\">b</a><a href=\"{{unsubscribe_url}}\">c</a></p>"),
                "/email/campaigns/x");
        assertThat(fine.state()).isEqualTo(EmailReadinessState.DONE);

        EmailReadinessItem bad = EmailReadinessCheck.links(draft("<p><a href=\"https://\">a</a>"
                + "<a href=\"https://bank.example@evil.example/\">b</a></p>"), "/email/campaigns/x");
        assertThat(bad.blocked()).isTrue();
        assertThat(bad.key()).isEqualTo("links");
        assertThat(bad.detail()).isEqualTo("The link “https://” cannot be sent: the address has no host name. 1 more "
                + "cannot either. Correct it in the content.");
        assertThat(bad.fixPath()).isEqualTo("/email/campaigns/x?step=content");
    }

    @Test
    void oneClickUnsubscribeIsANoteThatNeverBlocksUntilTheBaseUrlIsHttps() {
        for (String base : new String[] {"", "http://flightdeck.internal:8080"}) {
            EmailReadinessItem off = new OneClickUnsubscribe(base).item();
            assertThat(off.state()).as(base).isEqualTo(EmailReadinessState.NOTE);
            assertThat(off.blocked()).isFalse();
            assertThat(off.detail()).contains("Off:", "https", "FLIGHTDECK_BASE_URL");
            assertThat(EmailReadiness.of(UUID.randomUUID(), List.of(off)).ready()).isTrue();
        }
        assertThat(new OneClickUnsubscribe("http://flightdeck.internal:8080").item().detail())
                .contains("http://flightdeck.internal:8080");
        EmailReadinessItem on = new OneClickUnsubscribe("https://flightdeck.example").item();
        assertThat(on.state()).isEqualTo(EmailReadinessState.DONE);
    }
}
