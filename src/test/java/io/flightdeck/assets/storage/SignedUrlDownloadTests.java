package io.flightdeck.assets.storage;

import static io.flightdeck.assets.storage.BlobSamples.PNG;
import static io.flightdeck.assets.storage.BlobStoreChecks.CONTENT;
import static io.flightdeck.assets.storage.BlobStoreChecks.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The local store's signed URLs end to end: signed in a workspace, downloaded through {@code /files/{token}} by
 * someone with no session or token at all. (In the storage package because two tests sign tokens the store would
 * refuse to sign, to show the endpoint refuses them too.)
 */
@FlightdeckTest
class SignedUrlDownloadTests {

    private static final Duration TTL = Duration.ofMinutes(10);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    BlobStore store;
    @Autowired
    FileLinks links;
    @Autowired
    MutableClock clock;
    @Autowired
    SignedUrlProperties settings;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UUID workspace(String name) {
        return workspaces.workspace(name).workspaceId();
    }

    private StoredBlob put(UUID workspaceId, byte[] content) {
        return TenantScope.call(workspaceId, () -> {
            try {
                return store.put(workspaceId, new ByteArrayInputStream(content), 10_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The link's path. It is made the way a controller makes it, during a request (Spring's test listener binds a mock
     * one to the test's thread), so it starts with that request's address.
     */
    private String signedPath(UUID workspaceId, StoredBlob blob, String name, String type) {
        URI url = TenantScope.call(workspaceId, () -> store.signedUrl(blob.key(), name, type, TTL));
        assertThat(url.toString()).startsWith("http://localhost/files/");
        return url.getPath();
    }

    private MvcTestResult get(String path, String... headers) {
        var request = mvc.get().uri(path);
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void aSignedUrlDownloadsTheExactBytesWithoutASession() {
        UUID workspace = workspace("Signed downloads");
        StoredBlob logo = put(workspace, PNG);

        MvcTestResult download = get(signedPath(workspace, logo, "Logo.png", logo.mimeType()));

        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PNG);
        assertThat(download).headers()
                .hasSingleValue(HttpHeaders.CONTENT_TYPE, "image/png")
                .hasSingleValue(HttpHeaders.CONTENT_LENGTH, String.valueOf(PNG.length))
                .hasSingleValue(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"Logo.png\"; filename*=UTF-8''Logo.png")
                .hasSingleValue("X-Content-Type-Options", "nosniff")
                .hasSingleValue(HttpHeaders.CACHE_CONTROL, "private")
                .hasSingleValue(HttpHeaders.ACCEPT_RANGES, "bytes")
                .hasSingleValue(HttpHeaders.ETAG, "\"" + logo.sha256() + "\"")
                .doesNotContainHeader(HttpHeaders.SET_COOKIE);
        assertThat(download.getRequest().getSession(false)).as("no session was made").isNull();
        assertThat(settings.signedUrlTtl()).as("the default lifetime").isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aRangeGivesItsSliceSoAVideoCanSeek() {
        UUID workspace = workspace("Signed ranges");
        StoredBlob film = put(workspace, CONTENT);
        String path = signedPath(workspace, film, "Launch film.mp4", "video/mp4");
        String etag = "\"" + film.sha256() + "\"";

        MvcTestResult middle = get(path, "Range", "bytes=100-199");
        assertThat(middle).hasStatus(206);
        assertThat(middle.getResponse().getContentAsByteArray()).isEqualTo(slice(100, 200));
        assertThat(middle).headers()
                .hasSingleValue(HttpHeaders.CONTENT_RANGE, "bytes 100-199/1000")
                .hasSingleValue(HttpHeaders.CONTENT_LENGTH, "100")
                .hasSingleValue(HttpHeaders.CONTENT_TYPE, "video/mp4")
                .hasSingleValue(HttpHeaders.ACCEPT_RANGES, "bytes");
        assertThat(middle.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;");

        MvcTestResult rest = get(path, "Range", "bytes=990-");
        assertThat(rest).hasStatus(206);
        assertThat(rest.getResponse().getContentAsByteArray()).isEqualTo(slice(990, 1_000));
        MvcTestResult tail = get(path, "Range", "bytes=-10");
        assertThat(tail).hasStatus(206);
        assertThat(tail.getResponse().getContentAsByteArray()).isEqualTo(slice(990, 1_000));
        assertThat(tail.getResponse().getHeader(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 990-999/1000");

        MvcTestResult several = get(path, "Range", "bytes=0-5,10-20");
        assertThat(several).as("several ranges: the whole").hasStatusOk();
        assertThat(several.getResponse().getContentAsByteArray()).isEqualTo(CONTENT);
        MvcTestResult changed = get(path, "Range", "bytes=0-9", "If-Range", "\"" + "0".repeat(64) + "\"");
        assertThat(changed).as("a resume of other bytes: the whole").hasStatusOk();
        assertThat(changed.getResponse().getContentAsByteArray()).isEqualTo(CONTENT);
        MvcTestResult resumed = get(path, "Range", "bytes=0-9", "If-Range", etag);
        assertThat(resumed).hasStatus(206);
        assertThat(resumed.getResponse().getContentAsByteArray()).isEqualTo(slice(0, 10));
        MvcTestResult cached = get(path, "If-None-Match", etag);
        assertThat(cached).hasStatus(304);
        assertThat(cached.getResponse().getContentAsByteArray()).isEmpty();
    }

    @Test
    void headAnswersWhatAGetWould() {
        UUID workspace = workspace("Signed head");
        StoredBlob logo = put(workspace, PNG);
        String path = signedPath(workspace, logo, "Logo.png", "image/png");

        MvcTestResult head = mvc.head().uri(path).exchange();

        assertThat(head).hasStatusOk();
        assertThat(head).headers().hasSingleValue(HttpHeaders.CONTENT_LENGTH, String.valueOf(PNG.length))
                .hasSingleValue(HttpHeaders.CONTENT_TYPE, "image/png").hasSingleValue(HttpHeaders.ACCEPT_RANGES, "bytes")
                .hasSingleValue(HttpHeaders.ETAG, "\"" + logo.sha256() + "\"");
    }

    @Test
    void anUnsatisfiableRangeIs416WithTheSize() {
        UUID workspace = workspace("Signed unsatisfiable");
        StoredBlob film = put(workspace, CONTENT);
        String path = signedPath(workspace, film, "Launch film.mp4", "video/mp4");

        for (String range : new String[] {"bytes=1000-", "bytes=5000-6000", "bytes=5-2", "bytes=-0"}) {
            MvcTestResult refused = get(path, "Range", range);
            assertThat(refused).as(range).hasStatus(416);
            assertThat(refused.getResponse().getHeader(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes */1000");
            assertThat(refused.getResponse().getContentAsByteArray()).isEmpty();
        }
    }

    @Test
    void aTamperedTokenIsNotFound() {
        UUID workspace = workspace("Signed tampering");
        StoredBlob logo = put(workspace, PNG);
        StoredBlob film = put(workspace, CONTENT);
        String token = signedPath(workspace, logo, "Logo.png", "image/png").substring(FileLinks.PATH.length());
        String other = signedPath(workspace, film, "Film.mp4", "video/mp4").substring(FileLinks.PATH.length());
        int tag = token.length() - 21;

        for (String tampered : new String[] {changed(token, 10), changed(token, tag - 1),
                changed(token, token.length() - 1), token.substring(0, tag) + other.substring(other.length() - 21),
                token.substring(0, tag), token + "A", token.substring(0, tag) + "." + token.substring(tag), "nonsense"}) {
            MvcTestResult refused = get(FileLinks.PATH + tampered, "Accept", "video/mp4");
            assertThat(refused).as(tampered).hasStatus(404);
            assertThat(Json.<String>read(refused, "$.type")).isEqualTo("https://flightdeck.dev/problems/not-found");
            assertThat(refused.getResponse().getContentAsByteArray()).asString().doesNotContain("PNG");
        }
        assertThat(get(FileLinks.PATH + token)).as("the untouched token still works").hasStatusOk();
    }

    @Test
    void aTokenWhoseWorkspaceDoesNotOwnTheKeyFindsNothing() {
        UUID owner = workspace("Signed owner");
        UUID stranger = workspace("Signed stranger");
        StoredBlob logo = put(owner, PNG);

        String foreign = links.token(stranger, logo.key(), "image/png", "Logo.png", TTL);
        String own = links.token(owner, logo.key(), "image/png", "Logo.png", TTL);

        assertThat(get(FileLinks.PATH + foreign)).hasStatus(404);
        assertThat(get(FileLinks.PATH + own)).as("the same key in its own workspace").hasStatusOk();
    }

    @Test
    void anExpiredLinkIsGoneAndSaysWhen() {
        UUID workspace = workspace("Signed expiry");
        StoredBlob logo = put(workspace, PNG);
        String path = signedPath(workspace, logo, "Logo.png", "image/png");
        assertThat(get(path)).hasStatusOk();

        clock.advance(TTL.plusSeconds(1));
        MvcTestResult expired = get(path);

        assertThat(expired).hasStatus(410);
        assertThat(Json.<String>read(expired, "$.type")).isEqualTo("https://flightdeck.dev/problems/link-expired");
        assertThat(Json.<String>read(expired, "$.detail")).matches("This link expired at \\S+Z; ask for a new one");
        Instant expiredAt = Instant.parse(Json.read(expired, "$.expiredAt"));
        assertThat(expiredAt).isBetween(clock.instant().minus(TTL).minusSeconds(5), clock.instant());
    }

    @Test
    void aNameWithQuotesNonAsciiAndALineBreakStaysInItsHeader() {
        UUID workspace = workspace("Signed names");
        StoredBlob logo = put(workspace, PNG);

        MvcTestResult download = get(signedPath(workspace, logo, "Pläne \"Q3\"\r\nSet-Cookie: evil=1.png", "image/png"));

        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo(
                "inline; filename=\"Pl_ne _Q3___Set-Cookie: evil=1.png\"; "
                        + "filename*=UTF-8''Pl%C3%A4ne%20%22Q3%22__Set-Cookie%3A%20evil%3D1.png");
        assertThat(download.getResponse().getHeaderNames()).doesNotContain(HttpHeaders.SET_COOKIE);
    }

    @Test
    void uploadedHtmlIsNeverShownAsAPageOfFlightdeck() {
        UUID workspace = workspace("Signed html");
        StoredBlob page = put(workspace, "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(page.mimeType()).isEqualTo("text/html");

        MvcTestResult download = get(signedPath(workspace, page, "landing.html", page.mimeType()));

        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void outsideARequestALinkNeedsTheBaseUrl() {
        UUID workspace = workspace("Signed in a job");
        StoredBlob logo = put(workspace, PNG);

        RequestAttributes testRequest = RequestContextHolder.getRequestAttributes();
        RequestContextHolder.resetRequestAttributes();
        try {
            assertThatThrownBy(() -> TenantScope.call(workspace, () -> store.signedUrl(logo.key(), "Logo.png", "image/png", TTL)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("flightdeck.base-url");
        } finally {
            RequestContextHolder.setRequestAttributes(testRequest);
        }
    }

    private static String changed(String token, int index) {
        char replacement = token.charAt(index) == 'A' ? 'B' : 'A';
        return token.substring(0, index) + replacement + token.substring(index + 1);
    }
}
