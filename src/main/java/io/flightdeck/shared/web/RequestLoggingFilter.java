package io.flightdeck.shared.web;

import java.io.IOException;
import java.util.regex.Pattern;

import io.flightdeck.shared.Ids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request an id (the caller's X-Request-Id when it is sane, else a new one), echoes it back, puts it in
 * the logging context, and logs one line per request. The security filters add the user and workspace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLoggingFilter extends OncePerRequestFilter {

    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_USER = "user";
    public static final String MDC_WORKSPACE = "workspace";
    public static final String MDC_CLIENT_ADDRESS = "clientAddress";
    static final String HEADER = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger("io.flightdeck.requests");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getAttribute(MDC_REQUEST_ID) instanceof String known ? known : request.getHeader(HEADER);
        if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
            requestId = Ids.newId().toString();
        }
        request.setAttribute(MDC_REQUEST_ID, requestId);
        boolean errorDispatch = isErrorDispatch(request);
        MDC.put(MDC_REQUEST_ID, requestId);
        MDC.put(MDC_CLIENT_ADDRESS, request.getRemoteAddr());
        response.setHeader(HEADER, requestId);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (!errorDispatch && log.isInfoEnabled() && !isQuiet(request)) {
                log.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(MDC_REQUEST_ID);
            MDC.remove(MDC_CLIENT_ADDRESS);
            MDC.remove(MDC_USER);
            MDC.remove(MDC_WORKSPACE);
        }
    }

    /** Runs again for the error page dispatch, so problem documents written there carry the same request id. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private boolean isErrorDispatch(HttpServletRequest request) {
        return request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR;
    }

    private static boolean isQuiet(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/css/") || uri.startsWith("/js/") || uri.startsWith("/webjars/") || uri.startsWith("/img/")
                || uri.startsWith("/actuator/health");
    }
}
