package io.flightdeck.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A client that prefers {@code application/problem+json} (for its errors) and also accepts {@code application/json}
 * gets its successful answers as {@code application/json}. Spring's JSON converter writes any {@code application/*+json}
 * type the client asks for, so without this a campaign came back labelled a problem document, which the OpenAPI
 * document (and every client generated from it) says a 200 never is.
 */
@ControllerAdvice
class SuccessIsNotAProblem implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        boolean success = !(response instanceof ServletServerHttpResponse servlet)
                || servlet.getServletResponse().getStatus() < 400;
        if (success && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType) && !(body instanceof ProblemDetail)) {
            // the converter keeps a Content-Type set before it writes
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        return body;
    }
}
