package io.flightdeck.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an API request whose {@code Accept} header rules out every answer the endpoint can give, before the
 * endpoint runs. Spring MVC negotiates the answer's type only after the handler returned, so without this check a
 * write would be committed and then answered with 406. Endpoints that answer without a body (204) are held to the
 * same rule: their errors are JSON problems, and a client that accepts none of it learns so before anything changes.
 */
@Configuration(proxyBeanMethods = false)
class AcceptCheck implements HandlerInterceptor, WebMvcConfigurer {

    /** What an endpoint that declares no {@code produces} answers with: JSON, or a problem document. */
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    private final ProblemResponses problems;

    AcceptCheck(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || !(handler instanceof HandlerMethod)) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-request", "Bad Request",
                    "The Accept header is not a valid list of media types");
            return false;
        }
        List<MediaType> producible = producible(request);
        boolean acceptable = accepted.stream().filter(type -> type.getQualityValue() > 0).anyMatch(type -> producible.stream().anyMatch(type::isCompatibleWith));
        if (!acceptable) {
            problems.write(request, response, HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not Acceptable",
                    "This endpoint answers with " + producible.stream().map(MediaType::toString)
                            .filter(type -> !type.equals(MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                            .reduce((a, b) -> a + " or " + b).orElse("JSON") + "; the Accept header allows none of it");
        }
        return acceptable;
    }

    @SuppressWarnings("unchecked")
    private static List<MediaType> producible(HttpServletRequest request) {
        Object declared = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        if (declared instanceof Set<?> types && !types.isEmpty()) {
            return List.copyOf((Set<MediaType>) types);
        }
        return JSON;
    }
}
