package io.flightdeck.assets.web;

import java.io.IOException;

import io.flightdeck.shared.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * tus's version handshake on the upload endpoints: every answer says {@code Tus-Resumable: 1.0.0}, set before the
 * handler runs so that error answers carry it too, and a request for another version (or none; OPTIONS aside) is
 * refused with 412 and the versions this server speaks. Runs after the shared API checks, so a refused Accept header
 * is still answered 406 like everywhere else.
 */
@Configuration(proxyBeanMethods = false)
class TusResumableCheck implements HandlerInterceptor, WebMvcConfigurer {

    private final ProblemResponses problems;

    TusResumableCheck(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/uploads", "/api/v1/uploads/**", "/assets/uploads",
                "/assets/uploads/**").order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        // the pages' plain multipart upload shares the path /assets/uploads; only the tus handler speaks tus
        if (!(handler instanceof HandlerMethod method) || method.getBeanType() != TusUploadsApiController.class) {
            return true;
        }
        response.setHeader(TusHeaders.RESUMABLE, TusHeaders.VERSION);
        if ("OPTIONS".equals(request.getMethod()) || TusHeaders.VERSION.equals(request.getHeader(TusHeaders.RESUMABLE))) {
            return true;
        }
        response.setHeader("Tus-Version", TusHeaders.VERSION);
        problems.write(request, response, HttpStatus.PRECONDITION_FAILED, "tus-version-unsupported", "Precondition Failed",
                "Send Tus-Resumable: " + TusHeaders.VERSION + "; this server speaks tus " + TusHeaders.VERSION + " only.");
        return false;
    }
}
