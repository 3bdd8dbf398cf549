package io.flightdeck.email.templates;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed image addresses: they name the workspace and the asset, and nothing forged, altered or signed by another key passes. */
class TemplateImageLinksTests {

    private static final byte[] KEY = "an image link key of 32 bytes!!!".getBytes(StandardCharsets.US_ASCII);
    private final TemplateImageLinks links = new TemplateImageLinks(KEY, "https://mail.example/");

    @Test
    void aLinkNamesItsWorkspaceAndAssetAndAnAlteredOneIsNotFound() {
        UUID workspace = UUID.randomUUID();
        UUID asset = UUID.randomUUID();
        String url = links.url(workspace, asset);
        assertThat(url).startsWith("https://mail.example/t/i/").hasSize("https://mail.example/t/i/".length() + 66);
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(links.verify(token)).isEqualTo(new TemplateImageLinks.Image(workspace, asset));

        for (int i = 0; i < token.length(); i += 7) {
            char[] altered = token.toCharArray();
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            assertThatThrownBy(() -> links.verify(new String(altered))).isInstanceOf(NotFoundException.class);
        }
        TemplateImageLinks otherKey = new TemplateImageLinks("another key, also of 32 bytes!!!".getBytes(
                StandardCharsets.US_ASCII), "https://mail.example");
        assertThatThrownBy(() -> otherKey.verify(token)).isInstanceOf(NotFoundException.class);
        for (String bad : new String[] {null, "", "x", token + "A", "!".repeat(66)}) {
            assertThatThrownBy(() -> links.verify(bad)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void withoutAnHttpsBaseAddressNoLinkIsMadeAndThePickerIsToldWhy() {
        TemplateImageLinks unset = new TemplateImageLinks(KEY, "");
        assertThat(unset.available()).isFalse();
        assertThat(unset.unavailableReason()).contains("FLIGHTDECK_BASE_URL");
        assertThatThrownBy(() -> unset.url(UUID.randomUUID(), UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
        TemplateImageLinks plain = new TemplateImageLinks(KEY, "http://localhost:8080");
        assertThat(plain.available()).isFalse();
        assertThat(plain.unavailableReason()).contains("https", "http://localhost:8080");
        assertThat(links.available()).isTrue();
        assertThat(links.unavailableReason()).isNull();
    }
}
