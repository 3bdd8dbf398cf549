package io.flightdeck.shared.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Evaluates an API handler's {@code @PreAuthorize} before its arguments are resolved. The method-security proxy runs
 * only once Spring MVC has read, converted and validated the body, so without this a VIEWER who sends a broken body to
 * a write learns 400 (and what the body should hold) instead of 403. The rule is the same annotation, evaluated by the
 * same manager; the proxy still checks it again, so an endpoint called another way stays guarded. An expression that
 * reads an argument ({@code #id}) cannot be judged before the arguments exist, and is left to the proxy.
 */
@Configuration(proxyBeanMethods = false)
class RoleCheckFirst implements HandlerInterceptor, WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();
    /** Each handler's rule, looked up once: the annotation search cost a read 2-3% of its CPU (docs/benchmarks.md). */
    private final Map<Handler, Optional<PreAuthorize>> rulesByHandler = new ConcurrentHashMap<>();

    /** The class matters too: a method inherited by two controllers takes each one's class-level rule. */
    private record Handler(Class<?> type, Method method) {
    }

    RoleCheckFirst(ApplicationContext context) {
        rules.setApplicationContext(context);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // before the Accept, API-key and tus checks: who may do this is the first question (only headers every answer
        // carries, such as tus's version, are set before it)
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE + 10);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        PreAuthorize rule = rulesByHandler.computeIfAbsent(new Handler(method.getBeanType(), method.getMethod()),
                key -> Optional.ofNullable(rule(method)))
                .orElse(null);
        if (rule == null || rule.value().contains("#")) {
            return true;
        }
        Object[] noArguments = new Object[method.getMethodParameters().length];
        AuthorizationResult result = rules.authorize(SecurityContextHolder.getContext()::getAuthentication,
                new SimpleMethodInvocation(method.getBean(), method.getMethod(), noArguments));
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("Access Denied", result);
        }
        return true;
    }

    /** The handler's {@code @PreAuthorize}, on the method or else on its class. */
    static PreAuthorize rule(HandlerMethod handler) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
    }
}
