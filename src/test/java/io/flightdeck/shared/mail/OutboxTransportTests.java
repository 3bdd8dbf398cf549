package io.flightdeck.shared.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox transport, an offline default with its own tests: each mail is one whole {@code .eml} file per workspace
 * under its key, which answers whether it went out after a crash; the outbox reads it back as a mail program would.
 */
class OutboxTransportTests {

    @TempDir
    Path root;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void aMailIsOneFileUnderItsKeyInItsWorkspaceAndReadsBack() throws Exception {
        OutboxTransport outbox = new OutboxTransport(root, "Flightdeck <n@flightdeck.local>", clock, DkimSigning.OFF);
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        assertThat(outbox.sent(mine, "notification-1")).contains(false);

        outbox.send(new OutgoingMail(mine, "notification-1", "ann@example.com", "Héllo", "Text part", "<p>HTML part</p>"));
        outbox.send(new OutgoingMail(mine, "notification-1", "ann@example.com", "Héllo", "Text part", "<p>HTML part</p>"));
        outbox.send(new OutgoingMail(theirs, "notification-2", "bob@example.com", "Other", "Theirs", null));

        assertThat(outbox.sent(mine, "notification-1")).contains(true);
        assertThat(outbox.sent(theirs, "notification-1")).contains(false);
        try (var files = Files.list(root.resolve(mine.toString()))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("notification-1.eml");
        }
        MailOutbox reader = new MailOutbox(root);
        TenantScope.run(mine, () -> {
            assertThat(reader.list(PageRequest.of(0, 20)).getContent()).singleElement()
                    .satisfies(e -> assertThat(e.subject()).isEqualTo("Héllo"));
            MailOutbox.Opened opened = reader.open("notification-1");
            assertThat(opened.messageId()).isEqualTo("<notification-1@flightdeck>");
            assertThat(opened.from()).isEqualTo("Flightdeck <n@flightdeck.local>");
            assertThat(opened.text()).isEqualTo("Text part");
            assertThat(opened.html()).isEqualTo("<p>HTML part</p>");
            assertThat(opened.sentAt()).isEqualTo(clock.instant());
            assertThatThrownBy(() -> reader.open("notification-2")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> reader.open("../" + theirs + "/notification-2")).isInstanceOf(NotFoundException.class);
        });
        TenantScope.run(UUID.randomUUID(), () -> assertThat(reader.list(PageRequest.of(0, 20))).isEmpty());
    }

    @Test
    void aKeyIsLettersDigitsDotsAndDashesOnly() {
        assertThatThrownBy(() -> new OutgoingMail(UUID.randomUUID(), "../x", "a@b.c", "s", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
