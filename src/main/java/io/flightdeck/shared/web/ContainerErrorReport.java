package io.flightdeck.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers some requests itself, before any filter or controller runs: a path with an encoded slash, an
 * encoded backslash or a NUL byte is refused while the URI is parsed. Its error report would be an HTML page; under
 * {@code /api/} this answers a problem document instead, like every other API error. Elsewhere it keeps Tomcat's
 * short page without server details.
 * <p>
 * Spring Boot adds its own error report valve (without details) in a context customizer of order 0; this one runs
 * later, so its valve sits inside Boot's and reports first.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final JsonMapper json;

    ContainerErrorReport(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new ProblemValve(json)));
    }

    static final class ProblemValve extends ErrorReportValve {

        private final JsonMapper json;

        ProblemValve(JsonMapper json) {
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            int status = response.getStatus();
            if (uri == null || !uri.startsWith("/api/") || status < 400 || response.getContentWritten() > 0) {
                super.report(request, response, throwable);
                return;
            }
            if (!response.setErrorReported()) {
                return;
            }
            HttpStatus httpStatus = HttpStatus.resolve(status);
            String title = httpStatus != null ? httpStatus.getReasonPhrase() : "Error";
            String detail = status == 400 ? "The request address is not valid" : title;
            // The raw URI may hold what the container refused (a NUL byte, say): keep it out of the problem.
            ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status), Problems.typeFor(status), title, detail, null);
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client went away or the response is already committed: nothing more to tell it.
            }
        }
    }
}
