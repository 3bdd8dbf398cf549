package io.flightdeck.assets.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Download headers from names and types that someone else chose: never a header of their own, never a page of ours. */
class DownloadHeadersTests {

    @Test
    void aNameWithQuotesLineBreaksAndNonAsciiLettersCannotLeaveItsParameter() {
        String disposition = DownloadHeaders.contentDisposition("image/png", "Über \"quoted\"\r\nSet-Cookie: a=b\\..png", false);

        assertThat(disposition).isEqualTo("inline; filename=\"_ber _quoted___Set-Cookie: a=b_..png\"; "
                + "filename*=UTF-8''%C3%9Cber%20%22quoted%22__Set-Cookie%3A%20a%3Db_..png");
        assertThat(disposition).doesNotContain("\r", "\n");
    }

    @Test
    void aNameLosesPathsAndInvisibleCharactersButKeepsItsLetters() {
        assertThat(DownloadHeaders.cleanName("../../etc/passwd")).isEqualTo(".._.._etc_passwd");
        assertThat(DownloadHeaders.cleanName("invoice\u202Egnp.exe")).as("a right-to-left override").isEqualTo("invoice_gnp.exe");
        assertThat(DownloadHeaders.cleanName("  Plakat – Sommer 2027 ✓.pdf ")).isEqualTo("Plakat – Sommer 2027 ✓.pdf");
        assertThat(DownloadHeaders.cleanName(null)).isEqualTo("download");
        assertThat(DownloadHeaders.cleanName("  ")).isEqualTo("download");
        assertThat(DownloadHeaders.cleanName("..")).isEqualTo("download");
        assertThat(DownloadHeaders.cleanName("x".repeat(500))).hasSize(200);
        assertThat(DownloadHeaders.contentDisposition("image/png", "😀.png", true))
                .isEqualTo("attachment; filename=\"_.png\"; filename*=UTF-8''%F0%9F%98%80.png");
    }

    @Test
    void onlyTypesABrowserShowsWithoutRunningThemAreInline() {
        for (String shown : new String[] {"image/png", "image/jpeg", "image/webp", "video/mp4", "audio/mpeg",
                "application/pdf", "text/plain", "IMAGE/PNG; charset=binary"}) {
            assertThat(DownloadHeaders.contentDisposition(shown, "a", false)).as(shown).startsWith("inline;");
            assertThat(DownloadHeaders.contentDisposition(shown, "a", true)).as(shown).startsWith("attachment;");
        }
        for (String active : new String[] {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml",
                "application/javascript", "application/octet-stream", "application/x-executable", "", null, "nonsense"}) {
            assertThat(DownloadHeaders.contentDisposition(active, "a", false)).as("%s", active).startsWith("attachment;");
        }
    }

    @Test
    void aTypeIsATypeOrOctetStream() {
        assertThat(DownloadHeaders.contentType("image/PNG")).isEqualTo("image/png");
        assertThat(DownloadHeaders.contentType("text/plain; charset=UTF-8")).isEqualTo("text/plain");
        assertThat(DownloadHeaders.contentType("image/svg+xml")).isEqualTo("image/svg+xml");
        for (String bad : new String[] {null, "", "png", "image/png\r\nX-Evil: 1", "a/b/c", "/png"}) {
            assertThat(DownloadHeaders.contentType(bad)).as("%s", bad).isEqualTo("application/octet-stream");
        }
    }
}
