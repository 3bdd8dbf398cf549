package io.flightdeck.support;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.util.WebUtils;

/**
 * Keeps MockMvc tests' {@code .session(mockSession)} working now that the application keeps its sessions in the
 * database: Spring Session finds a session by the id its cookie carries, and a MockMvc test hands over a
 * MockHttpSession instead of cookies. Here the MockHttpSession carries that id, as a browser's cookie jar would, so
 * page tests still go through the real session store (and everything they put in a session is serialised). Real HTTP
 * requests keep the cookie.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessionIds {

    @Bean
    HttpSessionIdResolver httpSessionIdResolver() {
        return new Resolver();
    }

    /**
     * The same session as a request that reaches another node finds it: a new MockHttpSession carrying nothing but
     * the session's id, as a browser's cookie would, so whatever the requests in it find comes from the database.
     */
    public static MockHttpSession fromTheDatabase(MockHttpSession session) {
        Object id = session.getAttribute(Resolver.ID);
        if (!(id instanceof String)) {
            throw new IllegalArgumentException("The session carries no id: it has not reached the session store");
        }
        MockHttpSession carrier = new MockHttpSession();
        carrier.setAttribute(Resolver.ID, id);
        return carrier;
    }

    private static final class Resolver implements HttpSessionIdResolver {

        private static final String ID = MockMvcSessionIds.class.getName() + ".id";
        private final HttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();

        @Override
        public List<String> resolveSessionIds(HttpServletRequest request) {
            MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            if (mock == null) {
                return cookies.resolveSessionIds(request);
            }
            HttpSession carrier = mock.getSession(false);
            return carrier != null && carrier.getAttribute(ID) instanceof String id ? List.of(id) : List.of();
        }

        @Override
        public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
            MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            if (mock == null) {
                cookies.setSessionId(request, response, sessionId);
            } else {
                mock.getSession(true).setAttribute(ID, sessionId);
            }
        }

        @Override
        public void expireSession(HttpServletRequest request, HttpServletResponse response) {
            MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
            if (mock == null) {
                cookies.expireSession(request, response);
            } else if (mock.getSession(false) != null) {
                mock.getSession(false).removeAttribute(ID);
            }
        }
    }
}
