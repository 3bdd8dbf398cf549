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
        String[] paths = {"/api/v1/uploads", "/api/v1/uploads/**", "/assets/uploads", "/assets/uploads/**"};
        registry.addInterceptor(this).addPathPatterns(paths).order(Ordered.LOWEST_PRECEDENCE);
        // Every tus answer names the version, the role check's 403 included, and that check runs before any other.
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (isTus(handler)) {
                    response.setHeader(TusHeaders.RESUMABLE, TusHeaders.VERSION);
                }
                return true;
            }
        }).addPathPatterns(paths).order(Ordered.HIGHEST_PRECEDENCE);
    }

    private static boolean isTus(Object handler) {
        return handler instanceof HandlerMethod method && method.getBeanType() == TusUploadsApiController.class;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        // the pages' plain multipart upload shares the path /assets/uploads; only the tus handler speaks tus
        if (!isTus(handler)) {
            return true;
        }
        if ("OPTIONS".equals(request.getMethod()) || TusHeaders.VERSION.equals(request.getHeader(TusHeaders.RESUMABLE))) {
            return true;
        }
        response.setHeader("Tus-Version", TusHeaders.VERSION);
        problems.write(request, response, HttpStatus.PRECONDITION_FAILED, "tus-version-unsupported", "Precondition Failed",
                "Send Tus-Resumable: " + TusHeaders.VERSION + "; this server speaks tus " + TusHeaders.VERSION + " only.");
        return false;
    }
}
