package io.flightdeck.assets.platforms;

import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Ad-platform connections over REST: credentials stored encrypted and never answered, validation, tenancy, roles. */
@FlightdeckTest
class AdPlatformConnectionsApiTests {

    static final String BASE = "/api/v1/ad-platform-connections";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;

    static String googleAds(String name) {
        return """
                {"platform":"GOOGLE_ADS","name":"%s","accountId":"123-456-7890","loginCustomerId":"111-222-3333",
                 "developerToken":"dev-token-secret","oauthClientId":"client-id-secret",
                 "oauthClientSecret":"client-secret-secret","refreshToken":"refresh-token-secret"}""".formatted(name);
    }

    static String meta(String name) {
        return """
                {"platform":"META","name":"%s","accountId":"act_1234567890","accessToken":"meta-token-secret"}"""
                .formatted(name);
    }

    @Test
    void createAnswersTheAccountWithoutASecretAndStoresThemEncrypted() {
        Member owner = workspaces.workspace("Connections home");
        MvcTestResult created = api.as(owner).post(BASE, googleAds("Roastery Google"));
        assertThat(created).hasStatus(201);
        String body = Json.body(created);
        assertThat(body).doesNotContain("secret").contains("\"accountId\":\"1234567890\"")
                .contains("\"loginCustomerId\":\"1112223333\"");
        String id = Json.read(created, "$.id");
        assertThat(api.as(owner).post(BASE, meta("Roastery Meta"))).hasStatus(201);

        MvcTestResult list = api.as(owner).get(BASE);
        assertThat(list).hasStatusOk();
        assertThat(Json.<List<String>>read(list, "$[*].name")).containsExactly("Roastery Google", "Roastery Meta");
        assertThat(Json.body(list)).doesNotContain("secret");
        assertThat(Json.body(api.as(owner).get(BASE + "/" + id))).doesNotContain("secret");

        String stored = jdbc.queryForObject("select concat_ws(' ', developer_token, oauth_client_id, oauth_client_secret,"
                + " refresh_token) from ad_platform_connections where id = ?", String.class, UUID.fromString(id));
        assertThat(stored).doesNotContain("secret").startsWith("v1:");
    }

    @Test
    void badInputAnswers400WithEachProblem() {
        Member owner = workspaces.workspace("Connections input");
        MvcTestResult google = api.as(owner).post(BASE,
                "{\"platform\":\"GOOGLE_ADS\",\"name\":\"G\",\"accountId\":\"12-34\",\"developerToken\":\"t\"}");
        assertThat(google).hasStatus(400);
        assertThat(Json.<List<String>>read(google, "$.errors[*].field"))
                .contains("accountId", "oauthClientId", "oauthClientSecret", "refreshToken");
        MvcTestResult meta = api.as(owner).post(BASE,
                "{\"platform\":\"META\",\"name\":\"M\",\"accountId\":\"1234\"}");
        assertThat(meta).hasStatus(400);
        assertThat(Json.<List<String>>read(meta, "$.errors[*].field")).contains("accountId", "accessToken");
        assertThat(api.as(owner).post(BASE, "{\"platform\":\"TIKTOK\",\"name\":\"T\",\"accountId\":\"1\"}"))
                .hasStatus(400);
        assertThat(api.as(owner).post(BASE, "{\"platform\":\"META\",\"accountId\":\"act_1\",\"accessToken\":\"x\"}"))
                .hasStatus(400);
        assertThat(Json.<List<Object>>read(api.as(owner).get(BASE), "$")).isEmpty();
    }

    @Test
    void anotherWorkspaceGets404AndMembersReadButOnlyAdminsWrite() {
        Member owner = workspaces.workspace("Connections roles");
        Member stranger = workspaces.workspace("Connections away");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        String id = Json.read(api.as(admin).post(BASE, meta("Admin's")), "$.id");

        assertThat(api.as(stranger).get(BASE + "/" + id)).hasStatus(404);
        assertThat(api.as(stranger).delete(BASE + "/" + id)).hasStatus(404);
        assertThat(Json.<List<Object>>read(api.as(stranger).get(BASE), "$")).isEmpty();

        assertThat(api.as(viewer).get(BASE + "/" + id)).hasStatusOk();
        assertThat(api.as(viewer).post(BASE, meta("Viewer's"))).hasStatus(403);
        assertThat(api.as(manager).post(BASE, meta("Manager's"))).hasStatus(403);
        assertThat(api.as(manager).delete(BASE + "/" + id)).hasStatus(403);

        assertThat(api.as(admin).delete(BASE + "/" + id)).hasStatus(204);
        assertThat(api.as(owner).get(BASE + "/" + id)).hasStatus(404);
    }
}
