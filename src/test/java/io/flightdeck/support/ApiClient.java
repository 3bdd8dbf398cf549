package io.flightdeck.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API as a client calls it, through MockMvc: {@code api.as(member).post(path, body)}, with the member's
 * bearer token, a JSON body (a JSON string as is, anything else serialized), and headers such as If-Match or
 * Idempotency-Key. Answers the {@link MvcTestResult} for AssertJ. Module test helpers build on it and keep only their
 * module's bodies and walks.
 */
@TestComponent
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvcTester mvc;

    public ApiClient(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** Requests with the member's access token. */
    public Caller as(Member member) {
        return anonymous().header(HttpHeaders.AUTHORIZATION, member.bearer());
    }

    /** Requests without credentials (sign-up, accepting an invitation, or checking that the API refuses them). */
    public Caller anonymous() {
        return new Caller(mvc, Map.of());
    }

    /** Who calls, and with which extra headers; each header method answers a new caller. */
    public static final class Caller {

        private final MockMvcTester mvc;
        private final Map<String, String> headers;

        private Caller(MockMvcTester mvc, Map<String, String> headers) {
            this.mvc = mvc;
            this.headers = headers;
        }

        public Caller header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            if (value == null) {
                more.remove(name); // a null value leaves the header out, as helpers with an optional If-Match want
            } else {
                more.put(name, value);
            }
            return new Caller(mvc, more);
        }

        public Caller ifMatch(String etag) {
            return header(HttpHeaders.IF_MATCH, etag);
        }

        public Caller idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        public MvcTestResult get(String path) {
            return send(mvc.get().uri(path), null);
        }

        public MvcTestResult post(String path) {
            return send(mvc.post().uri(path), null);
        }

        public MvcTestResult post(String path, Object body) {
            return send(mvc.post().uri(path), body);
        }

        public MvcTestResult put(String path, Object body) {
            return send(mvc.put().uri(path), body);
        }

        public MvcTestResult patch(String path, Object body) {
            return send(mvc.patch().uri(path), body);
        }

        public MvcTestResult delete(String path) {
            return send(mvc.delete().uri(path), null);
        }

        /**
         * Any method with raw bytes as the body (null for none) and their content type, for what is not JSON: tus's
         * HEAD, OPTIONS and PATCH of {@code application/offset+octet-stream}, say.
         */
        public MvcTestResult raw(HttpMethod method, String path, String contentType, byte[] body) {
            MockMvcRequestBuilder request = mvc.method(method).uri(path);
            headers.forEach(request::header);
            if (contentType != null) {
                request.contentType(contentType);
            }
            if (body != null) {
                request.content(body);
            }
            return request.exchange();
        }

        /** A multipart upload of one file in the part {@code file}, with form fields (name, value, name, value, ...). */
        public MvcTestResult upload(String path, String fileName, byte[] content, String... fields) {
            var request = mvc.post().uri(path).multipart()
                    .file(new org.springframework.mock.web.MockMultipartFile("file", fileName, "application/octet-stream", content));
            for (int i = 0; i + 1 < fields.length; i += 2) {
                request.param(fields[i], fields[i + 1]);
            }
            headers.forEach(request::header);
            return request.exchange();
        }

        private MvcTestResult send(MockMvcRequestBuilder request, Object body) {
            headers.forEach(request::header);
            if (body instanceof byte[] bytes) {
                request.content(bytes); // raw bytes: the caller's Content-Type header says what they are
            } else if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON)
                        .content(body instanceof String json ? json : JSON.writeValueAsString(body));
            }
            return request.exchange();
        }
    }
}
