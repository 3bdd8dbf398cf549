package io.flightdeck.shared.web;

import java.io.IOException;
import java.util.Set;

import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An API key that acts as a VIEWER never writes. Role checks already stop it where an endpoint names a role, but some
 * writes are open to a member by authorship or routing rather than role (resolving one's own comment, revoking one's
 * own delegation or API keys, voting when named in a stage); the key's ceiling caps those rights too. Checked before
 * the handler runs, so nothing is written.
 */
@Configuration(proxyBeanMethods = false)
class ReadOnlyKeyCheck implements HandlerInterceptor, WebMvcConfigurer {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ProblemResponses problems;

    ReadOnlyKeyCheck(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        Actor actor = CurrentActor.find().orElse(null);
        if (actor == null || !actor.viaApiKey() || actor.role() != Role.VIEWER || SAFE_METHODS.contains(request.getMethod())
                || (handler instanceof HandlerMethod method && method.hasMethodAnnotation(ReadOnlyOperation.class))) {
            return true;
        }
        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "This API key acts as a Viewer: it can read but not change anything");
        return false;
    }
}
