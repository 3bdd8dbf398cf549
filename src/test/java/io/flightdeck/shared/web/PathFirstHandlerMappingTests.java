package io.flightdeck.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import io.flightdeck.support.FlightdeckTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The narrowed look-up chooses what Spring's chooses: for every mapping of the application, a request made from each
 * of its patterns and methods (and a few that match nothing, and HEAD and OPTIONS, which Spring treats apart) gets
 * the same handler, or the same refusal, both ways.
 */
@FlightdeckTest
class PathFirstHandlerMappingTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void theApplicationUsesIt() {
        assertThat(handlerMapping).isInstanceOf(PathFirstHandlerMapping.class);
    }

    @Test
    void everyMappingIsChosenAsSpringChoosesIt() throws Exception {
        PathFirstHandlerMapping mapping = (PathFirstHandlerMapping) handlerMapping;
        List<String[]> requests = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            List<String> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                for (String method : methods.isEmpty() ? List.of("GET", "POST") : methods) {
                    String path = concrete(pattern);
                    String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                            .map(MediaType::toString).orElse(null);
                    requests.add(new String[] {method, path, consumes});
                    requests.add(new String[] {method, path + "/nothing-here", consumes});
                    requests.add(new String[] {method.equals("GET") ? "DELETE" : "GET", path, null});
                    requests.add(new String[] {"HEAD", path, null});
                    requests.add(new String[] {"OPTIONS", path, null});
                }
            }
        }
        requests.add(new String[] {"GET", "/api/v1/c%61mpaigns/1", null});
        requests.add(new String[] {"GET", "/no/such/page", null});
        int handled = 0;
        for (String[] r : requests) {
            Object ours = outcome(() -> mapping.lookupHandlerMethod(r[1], request(r)));
            Object springs = outcome(() -> mapping.springsChoice(r[1], request(r)));
            assertThat(ours).as(r[0] + " " + r[1]).isEqualTo(springs);
            handled += ours.toString().contains("(") ? 1 : 0;
        }
        assertThat(requests).hasSizeGreaterThan(1000);
        assertThat(handled).as("requests that found a handler").isGreaterThan(500);
    }

    private static MockHttpServletRequest request(String[] r) {
        MockHttpServletRequest request = new MockHttpServletRequest(r[0], r[1]);
        if (r[2] != null) {
            request.setContentType(r[2]);
        }
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private static Object outcome(Callable<HandlerMethod> lookUp) {
        try {
            HandlerMethod found = lookUp.call();
            return found == null ? "none" : found.getMethod().toString();
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    /** A path the pattern matches: variables and wildcards filled in. */
    private static String concrete(String pattern) {
        String path = pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "x1")
                .replace("**", "a/b").replace("*", "x").replace("?", "x");
        return Objects.requireNonNullElse(path.isEmpty() ? "/" : path, "/");
    }
}
