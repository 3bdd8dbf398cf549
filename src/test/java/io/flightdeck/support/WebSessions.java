package io.flightdeck.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Arrays;

import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The web UI without a browser: a member signed in through the login form, the HTML of a page or of an htmx fragment
 * in their session, and a form posted in it, for tests that read what a page says and what its forms do. Every
 * {@code @FlightdeckTest} can autowire one.
 */
public final class WebSessions {

    private final MockMvcTester mvc;

    public WebSessions(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** Signs the member in through the login form and answers the session it opened. */
    public MockHttpSession signIn(Member member) {
        MvcTestResult result = mvc.post().uri("/login").param("email", member.email())
                .param("password", TestWorkspaces.PASSWORD).with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection();
        return (MockHttpSession) result.getRequest().getSession();
    }

    /** A full page's HTML, which must answer 200. */
    public String page(MockHttpSession session, String path) {
        MvcTestResult result = mvc.get().uri(path).session(session).exchange();
        assertThat(result).as(path).hasStatusOk();
        return Json.body(result);
    }

    /** An htmx fragment's HTML (the request carries {@code HX-Request}), which must answer 200. */
    public String fragment(MockHttpSession session, String path) {
        MvcTestResult result = mvc.get().uri(path).header("HX-Request", "true").session(session).exchange();
        assertThat(result).as(path).hasStatusOk();
        return Json.body(result);
    }

    /**
     * Posts a form in the session with its CSRF token, as the page's form would. {@code params} come in pairs (name,
     * value, name, value); a name may come twice, for a field with several values. Answers the result whatever its
     * status, so the test says what it expects.
     */
    public MvcTestResult post(MockHttpSession session, String path, String... params) {
        if (params.length % 2 != 0) {
            throw new IllegalArgumentException("form fields come in name and value pairs: " + Arrays.toString(params));
        }
        MockMvcRequestBuilder request = mvc.post().uri(path).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }
}
