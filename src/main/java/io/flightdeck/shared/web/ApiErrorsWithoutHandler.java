package io.flightdeck.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC errors under {@code /api/} that no controller method raised (no method matches the path's pattern, the
 * method or the content type, so the static resources answer "not found"): {@link ApiExceptionHandler} serves only REST controllers, so these used to end in a
 * bare {@code sendError} and the error page. Answered here with the same problem documents, at once.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorsWithoutHandler implements HandlerExceptionResolver, WebMvcConfigurer {

    private final ApiExceptionHandler problems;
    private final ProblemResponses responses;

    ApiErrorsWithoutHandler(ApiExceptionHandler problems, ProblemResponses responses) {
        this.problems = problems;
        this.responses = responses;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, this);
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (handler instanceof HandlerMethod || !request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        try {
            ResponseEntity<Object> answer = problems.handleException(ex, new ServletWebRequest(request, response));
            if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
                return null;
            }
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            responses.write(response, problem);
            return new ModelAndView();
        } catch (Exception notStandard) {
            return null; // not one of Spring MVC's own: the error controller answers it
        }
    }
}
