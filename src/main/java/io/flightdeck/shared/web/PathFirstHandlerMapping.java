package io.flightdeck.shared.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler look-up, narrowed by path first. For a path with a variable in it ({@code /api/v1/campaigns/{id}})
 * Spring tries every mapping of the application, over 500 here, with all its conditions, each read through every
 * request wrapper of the filter chain: a quarter of a simple read's CPU in a profile (docs/benchmarks.md). Here the
 * mappings are indexed by the path they begin with ({@link PathHeads}), so only those whose literal beginning the
 * path has are tried, with Spring's own conditions, comparator and ambiguity check. Whatever is unusual takes
 * Spring's way unchanged: no match (so 404, 405 and 406 are Spring's), a CORS pre-flight, a path with an escape or a
 * path parameter (Spring matches those decoded and stripped), a mapping registered after start-up.
 */
public class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    private volatile PathHeads<RequestMappingInfo> index;
    private final Map<RequestMappingInfo, HandlerMethod> handlers = new HashMap<>();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        handlers.putAll(handlerMethods);
        index = PathHeads.of(handlerMethods.keySet());
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        index = null; // from now on Spring's way: the index would not know this mapping
        super.registerMapping(mapping, handler, method);
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        index = null;
        super.unregisterMapping(mapping);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        PathHeads<RequestMappingInfo> heads = index;
        if (heads == null || !PathHeads.isPlain(lookupPath) || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<RequestMappingInfo> matches = new ArrayList<>(2);
        List<HandlerMethod> matchedHandlers = new ArrayList<>(2);
        for (RequestMappingInfo info : heads.candidates(lookupPath)) {
            RequestMappingInfo match = getMatchingMapping(info, request);
            if (match != null) {
                matches.add(match);
                matchedHandlers.add(handlers.get(info));
            }
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Comparator<RequestMappingInfo> order = getMappingComparator(request);
        int best = 0;
        for (int i = 1; i < matches.size(); i++) {
            if (order.compare(matches.get(i), matches.get(best)) < 0) {
                best = i;
            }
        }
        for (int i = 0; i < matches.size(); i++) {
            if (i != best && order.compare(matches.get(i), matches.get(best)) == 0) {
                throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                        + "': {" + matchedHandlers.get(best).getMethod() + ", " + matchedHandlers.get(i).getMethod() + "}");
            }
        }
        HandlerMethod handler = matchedHandlers.get(best);
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(matches.get(best), lookupPath, request);
        return handler;
    }

    /** Spring's own choice, for the test that compares the two over every mapping. */
    HandlerMethod springsChoice(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations pathFirstHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PathFirstHandlerMapping();
                }
            };
        }
    }
}
