package io.flightdeck.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /**
     * htmx drops a request while the same element has one in flight, so a card that reloads on the signal without
     * {@code hx-sync} can miss the second of two quick changes (a refused form, then the corrected one) and show the
     * first for good. Its children must not inherit the sync: a link inside the card (an asset opening in the drawer)
     * would otherwise share the card's queue, and a reload would abort the person's click.
     */
    @Test
    void everyElementThatReloadsOnTheSignalAbandonsAnOlderReload() throws IOException {
        Pattern tag = Pattern.compile("<[a-z][^<>]*fd:changed[^<>]*>", Pattern.DOTALL);
        List<String> unsynced = new ArrayList<>();
        int listeners = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = tag.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group().contains("hx-trigger")) {
                        continue; // a comment or a script mentioning the event
                    }
                    listeners++;
                    if (!m.group().contains("hx-sync=\"this:replace\"")
                            || !m.group().contains("hx-disinherit=\"hx-sync\"")) {
                        unsynced.add(file.getFileName() + ": " + m.group().lines().findFirst().orElse(""));
                    }
                }
            }
        }
        assertThat(listeners).as("the templates' live elements").isGreaterThan(10);
        assertThat(unsynced).isEmpty();
    }
}
