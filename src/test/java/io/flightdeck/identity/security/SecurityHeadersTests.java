package io.flightdeck.identity.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The security headers on pages and API answers: the pages' nonce-based Content-Security-Policy, HSTS over https. */
@FlightdeckTest
class SecurityHeadersTests {

    private static final Pattern HEADER_NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'");
    private static final Pattern PAGE_NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aPageNamesItsOwnNonceAndRefusesInlineCode() throws Exception {
        MockHttpSession session = signIn(workspaces.workspace("Headers").email());
        MvcTestResult first = mvc.get().uri("/").session(session).exchange();
        MvcTestResult second = mvc.get().uri("/").session(session).exchange();
        assertThat(first).hasStatusOk();

        String policy = first.getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                "base-uri 'self'", "form-action 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        String nonce = nonce(first);
        assertThat(policy).contains("style-src 'self' 'nonce-" + nonce + "'");
        assertThat(nonce(second)).as("each request its own nonce").isNotEqualTo(nonce);

        List<String> onPage = pageNonces(first);
        assertThat(onPage).as("the shell's scripts carry the request's nonce").isNotEmpty().containsOnly(nonce);
        assertThat(first.getResponse().getContentAsString()).doesNotContain(" style=\"", " onsubmit=", " onclick=");

        assertThat(first.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(first.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(first.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void publicPagesAndErrorsCarryThePolicyToo() throws Exception {
        MvcTestResult login = mvc.get().uri("/login").exchange();
        assertThat(login).hasStatusOk();
        assertThat(pageNonces(login)).containsOnly(nonce(login));
        MvcTestResult missing = mvc.get().uri("/campaigns/not-an-id").session(signIn(workspaces.workspace("Lost headers").email()))
                .exchange();
        assertThat(missing).hasStatus(404);
        assertThat(missing.getResponse().getHeader("Content-Security-Policy")).contains("'nonce-" + nonce(missing) + "'");
        assertThat(pageNonces(missing)).containsOnly(nonce(missing));
    }

    @Test
    void connectingAnAccountMayLeadToTheNetworksConsentPages() {
        String policy = mvc.get().uri("/login").exchange().getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).contains("form-action 'self' ").contains("https://slack.com");
    }

    @Test
    void theApiAnswersWithAPolicyThatAllowsNothing() {
        MvcTestResult answer = mvc.get().uri("/api/v1/campaigns").exchange();
        assertThat(answer.getResponse().getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void strictTransportSecurityOnlyOverHttps() {
        assertThat(mvc.get().uri("/login").exchange().getResponse().getHeader("Strict-Transport-Security")).isNull();
        assertThat(mvc.get().uri("/login").secure(true).exchange().getResponse().getHeader("Strict-Transport-Security"))
                .startsWith("max-age=");
        assertThat(mvc.get().uri("/api/v1/campaigns").exchange().getResponse().getHeader("Strict-Transport-Security"))
                .isNull();
        assertThat(mvc.get().uri("/api/v1/campaigns").secure(true).exchange().getResponse()
                .getHeader("Strict-Transport-Security")).startsWith("max-age=");
    }

    private MockHttpSession signIn(String email) {
        MvcTestResult result = mvc.post().uri("/login").param("email", email).param("password", TestWorkspaces.PASSWORD)
                .with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection();
        return (MockHttpSession) result.getRequest().getSession();
    }

    private static String nonce(MvcTestResult result) {
        Matcher matcher = HEADER_NONCE.matcher(result.getResponse().getHeader("Content-Security-Policy"));
        assertThat(matcher.find()).as("a nonce in the policy").isTrue();
        return matcher.group(1);
    }

    private static List<String> pageNonces(MvcTestResult result) {
        try {
            Matcher matcher = PAGE_NONCE.matcher(result.getResponse().getContentAsString());
            List<String> found = new ArrayList<>();
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
            return found;
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
