package io.flightdeck.planning;

import java.util.List;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The team API as the team tests call it. */
public final class TeamRequests {

    public static final String MEMBERS = "/api/v1/team/members/";

    private final ApiClient api;

    public TeamRequests(MockMvcTester mvc) {
        this.api = new ApiClient(mvc);
    }

    public MvcTestResult get(Member as, String path) {
        return api.as(as).get(path);
    }

    public MvcTestResult post(Member as, String path, String body) {
        return api.as(as).post(path, body);
    }

    public MvcTestResult put(Member as, String path, String body) {
        return api.as(as).put(path, body);
    }

    public MvcTestResult putIfMatch(Member as, String path, String body, String ifMatch) {
        return api.as(as).ifMatch(ifMatch).put(path, body);
    }

    public MvcTestResult delete(Member as, String path) {
        return api.as(as).delete(path);
    }

    public MvcTestResult profile(Member as, Member of, String body) {
        return put(as, MEMBERS + of.userId(), body);
    }

    public MvcTestResult timeOff(Member as, Member of, String startsOn, String endsOn) {
        return post(as, MEMBERS + of.userId() + "/time-off",
                "{\"startsOn\":\"" + startsOn + "\",\"endsOn\":\"" + endsOn + "\",\"reason\":\"Holiday\"}");
    }

    /** A 400 validation problem naming exactly this field. */
    @SuppressWarnings("unchecked")
    public static void assertFieldError(MvcTestResult refused, String field) {
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/validation");
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly(field);
    }
}
