package io.flightdeck.shared;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API error status answers an RFC 9457 problem document, without stack traces. Errors raised before a controller
 * is chosen (unknown path, wrong method) go through the servlet error page: see {@link ServerErrorResponsesTests}.
 */
@FlightdeckTest
class ProblemDetailsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    Member owner;

    @BeforeEach
    void workspace() {
        owner = workspaces.workspace("Problems");
    }

    private static void assertProblem(MvcTestResult result, int status, String type) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((Integer) Json.read(result, "$.status")).isEqualTo(status);
        assertThat((String) Json.read(result, "$.type")).isEqualTo("https://flightdeck.dev/problems/" + type);
        assertThat((String) Json.read(result, "$.title")).isNotBlank();
        assertThat((String) Json.read(result, "$.detail")).isNotBlank();
        assertThat((String) Json.read(result, "$.instance")).startsWith("/api/");
        assertThat(Json.body(result)).doesNotContain("Exception").doesNotContain("at io.flightdeck");
    }

    @Test
    void unauthenticated401() {
        MvcTestResult result = mvc.get().uri("/api/v1/members").exchange();
        assertProblem(result, 401, "unauthenticated");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void forbidden403() {
        Member viewer = workspaces.addMember(owner, io.flightdeck.shared.security.Role.VIEWER);
        assertProblem(mvc.put().uri("/api/v1/workspace").header(HttpHeaders.AUTHORIZATION, viewer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"timeZone\":\"UTC\",\"locale\":\"en\"}").exchange(),
                403, "forbidden");
    }

    @Test
    void notFound404ForAnUnknownId() {
        assertProblem(mvc.get().uri("/api/v1/members/" + Ids.newId()).header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange(),
                404, "not-found");
    }

    @Test
    void unsupportedMediaType415() {
        assertProblem(mvc.post().uri("/api/v1/invitations").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.TEXT_PLAIN).content("hello").exchange(), 415, "unsupported-media-type");
    }

    @Test
    void malformedJson400() {
        assertProblem(mvc.post().uri("/api/v1/invitations").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\": ").exchange(), 400, "malformed-request");
    }

    @Test
    void wrongTypeInJsonNamesTheField() {
        MvcTestResult result = mvc.post().uri("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"roleCeiling\":[1,2]}").exchange();
        assertProblem(result, 400, "malformed-request");
        assertThat((String) Json.read(result, "$.errors[0].field")).isEqualTo("roleCeiling");
    }

    @Test
    void validation400ListsEachField() {
        MvcTestResult result = mvc.post().uri("/api/v1/invitations").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"not-an-email\"}").exchange();
        assertProblem(result, 400, "validation");
        assertThat(Json.body(result)).contains("\"field\":\"email\"").contains("\"field\":\"role\"");
    }

    @Test
    void badPathVariable400() {
        assertProblem(mvc.get().uri("/api/v1/members/not-a-uuid").header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange(),
                400, "bad-request");
    }

    @Test
    void requestIdIsEchoedAndInTheProblem() {
        MvcTestResult result = mvc.get().uri("/api/v1/members/" + Ids.newId()).header("X-Request-Id", "trace-abc-123")
                .header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        assertThat(result).hasHeader("X-Request-Id", "trace-abc-123");
        assertThat((String) Json.read(result, "$.requestId")).isEqualTo("trace-abc-123");
    }
}
