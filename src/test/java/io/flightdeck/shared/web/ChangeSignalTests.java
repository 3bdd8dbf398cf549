package io.flightdeck.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ChangeSignalTests {

    private final ChangeSignal signal = new ChangeSignal();

    @Test
    void anHtmxWriteTellsThePageSomethingChanged() throws Exception {
        MockHttpServletResponse response = run("POST", "/campaigns/1/launch", true);

        assertThat(response.getHeader("HX-Trigger")).isEqualTo("fd:changed");
    }

    @Test
    void aHandlerAddsItsOwnEventBesideTheChange() throws Exception {
        MockHttpServletRequest request = htmx("DELETE", "/tasks/1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        signal.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                Htmx.trigger((jakarta.servlet.http.HttpServletResponse) res, "task-removed");
            }
        });

        assertThat(response.getHeader("HX-Trigger")).isEqualTo("fd:changed, task-removed");
    }

    @Test
    void readsPlainPostsAndTheApiSayNothing() throws Exception {
        assertThat(run("GET", "/campaigns/1", true).getHeader("HX-Trigger")).isNull();
        assertThat(run("POST", "/campaigns/1/launch", false).getHeader("HX-Trigger")).isNull();
        assertThat(run("POST", "/api/v1/campaigns", true).getHeader("HX-Trigger")).isNull();
    }

    private MockHttpServletResponse run(String method, String path, boolean htmx) throws Exception {
        MockHttpServletRequest request = htmx ? htmx(method, path) : new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        signal.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest htmx(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("HX-Request", "true");
        return request;
    }
}
