package io.flightdeck.shared.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

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

    private volatile PathHeads<Candidate> index;

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        Map<Candidate, List<String>> patterns = new LinkedHashMap<>();
        handlerMethods.forEach((info, handler) -> {
            Candidate candidate = Candidate.of(info, handler);
            patterns.put(candidate, candidate.patterns().stream().map(PathPattern::getPatternString).toList());
        });
        index = PathHeads.fromPatterns(patterns);
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
        PathHeads<Candidate> heads = index;
        if (heads == null || !PathHeads.isPlain(lookupPath) || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        String method = request.getMethod();
        PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        List<RequestMappingInfo> matches = new ArrayList<>(2);
        List<HandlerMethod> matchedHandlers = new ArrayList<>(2);
        for (Candidate candidate : heads.candidates(lookupPath)) {
            if (candidate.cannotMatch(method, path)) {
                continue;
            }
            RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
            if (match != null) {
                matches.add(match);
                matchedHandlers.add(candidate.handler());
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

    /**
     * A mapping with what rules it out cheaply, read once: a request method it does not list, a path none of its
     * patterns matches. Spring's conditions would refuse both (each read through every request wrapper); whatever
     * is not ruled out here still goes through all of Spring's conditions.
     */
    record Candidate(RequestMappingInfo info, HandlerMethod handler, Set<String> methods, List<PathPattern> patterns) {

        /** Methods Spring matches only by name; HEAD, OPTIONS and the rest have rules of their own. */
        private static final Set<String> PLAIN_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

        static Candidate of(RequestMappingInfo info, HandlerMethod handler) {
            Set<String> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name)
                    .collect(Collectors.toUnmodifiableSet());
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            return new Candidate(info, handler, methods, paths == null ? List.of() : List.copyOf(paths.getPatterns()));
        }

        boolean cannotMatch(String method, PathContainer path) {
            if (!methods.isEmpty() && PLAIN_METHODS.contains(method) && !methods.contains(method)) {
                return true;
            }
            if (patterns.isEmpty()) {
                return false;
            }
            for (PathPattern pattern : patterns) {
                if (pattern.matches(path)) {
                    return false;
                }
            }
            return true;
        }

        // Identity, as the index needs: two mappings are never the same candidate.
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
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
