package io.flightdeck.approvals;

import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Scopes and their stages, deadlines and auto-approval rules: who may change them, and what is refused. */
@FlightdeckTest
class ApprovalSettingsApiTests {

    static final String SCOPES = "/api/v1/approval-scopes";
    static final String SETTINGS = "/api/v1/approval-settings";
    static final String RULES = "/api/v1/approval-rules";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private ApprovalRequests api;
    private Member owner;
    private Member manager;
    private Member approver;
    private Member contributor;
    private Member viewer;

    @BeforeEach
    void setUp() {
        api = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Settings");
        manager = workspaces.addMember(owner, Role.MANAGER);
        approver = workspaces.addMember(owner, Role.APPROVER);
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
    }

    private MvcTestResult putWithIfMatch(Member as, String path, String body, String ifMatch) {
        return mvc.put().uri(path).header(HttpHeaders.AUTHORIZATION, as.bearer()).header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static void assertFieldError(MvcTestResult refused, String field) {
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/validation");
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly(field);
    }

    @Test
    void everyMemberReadsTheDefaults() {
        MvcTestResult scopes = api.get(viewer, SCOPES);
        assertThat(scopes).hasStatusOk();
        assertThat((List<String>) Json.read(scopes, "$[*].key")).containsExactly("strategy", "content", "schedule", "ads");
        assertThat((List<String>) Json.read(scopes, "$[*].name")).containsExactly("Strategy", "Content", "Schedule", "Ads");
        assertThat((List<Boolean>) Json.read(scopes, "$[*].enabled")).containsOnly(true);
        assertThat((List<Boolean>) Json.read(scopes, "$[*].followsStrategy")).containsExactly(false, true, true, true);
        assertThat((List<String>) Json.read(scopes, "$[0].stages[*].approverRole")).containsExactly("APPROVER");
        assertThat((List<String>) Json.read(scopes, "$[0].stages[*].escalateToRole")).containsExactly("MANAGER");
        assertThat((List<Integer>) Json.read(scopes, "$[0].stages[*].requiredApprovals")).containsExactly(1);

        MvcTestResult deadlines = api.get(viewer, SETTINGS);
        assertThat(Json.body(deadlines)).isEqualToIgnoringWhitespace(
                "{\"urgentHours\":4,\"highHours\":24,\"normalHours\":72,\"lowHours\":168}");
        assertThat((List<?>) Json.read(api.get(viewer, RULES), "$")).isEmpty();
        MvcTestResult one = api.get(viewer, SCOPES + "/content");
        assertThat(one).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"0\"");
        assertThat(api.get(viewer, SCOPES + "/nope")).hasStatus(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no approver              | [{\"name\":\"Legal\"}]                                                             | stages[0].approverRole",
            "quorum of zero           | [{\"name\":\"Legal\",\"approverRole\":\"APPROVER\",\"requiredApprovals\":0}]       | stages[0].requiredApprovals",
            "quorum over twenty       | [{\"name\":\"Legal\",\"approverRole\":\"APPROVER\",\"requiredApprovals\":21}]      | stages[0].requiredApprovals",
            "more than named          | [{\"name\":\"Legal\",\"approverIds\":[\"{approver}\"],\"requiredApprovals\":2}]  | stages[0].requiredApprovals",
            "unknown member           | [{\"name\":\"Legal\",\"approverIds\":[\"{unknown}\"]}]                            | stages[0].approverIds",
            "another workspace's      | [{\"name\":\"Legal\",\"approverIds\":[\"{stranger}\"]}]                           | stages[0].approverIds",
            "viewers approve nothing  | [{\"name\":\"Legal\",\"approverRole\":\"VIEWER\"}]                                 | stages[0].approverRole",
            "unknown escalation       | [{\"name\":\"Legal\",\"approverRole\":\"APPROVER\",\"escalateToMember\":\"{unknown}\"}] | stages[0].escalateToMember",
            "second stage unnamed     | [{\"name\":\"Legal\",\"approverRole\":\"APPROVER\"},{\"name\":\" \",\"approverRole\":\"MANAGER\"}] | stages[1].name",
            "no stages                | []                                                                                | stages",
            "seven stages             | [{\"name\":\"1\",\"approverRole\":\"APPROVER\"},{\"name\":\"2\",\"approverRole\":\"APPROVER\"},{\"name\":\"3\",\"approverRole\":\"APPROVER\"},{\"name\":\"4\",\"approverRole\":\"APPROVER\"},{\"name\":\"5\",\"approverRole\":\"APPROVER\"},{\"name\":\"6\",\"approverRole\":\"APPROVER\"},{\"name\":\"7\",\"approverRole\":\"APPROVER\"}] | stages"})
    void badStageConfigurationsAreRefusedNamingTheField(String what, String stages, String field) {
        Member stranger = workspaces.workspace("Stage stranger");
        String body = stages.replace("{approver}", approver.userId().toString())
                .replace("{unknown}", UUID.randomUUID().toString()).replace("{stranger}", stranger.userId().toString());

        assertFieldError(api.routeScope(manager, "content", body), field);
        if (!body.equals("[]")) {
            // a new scope without stages gets the default review stage instead
            assertFieldError(api.post(manager, SCOPES, "{\"key\":\"legal\",\"name\":\"Legal\",\"stages\":" + body + "}"), field);
        }

        MvcTestResult unchanged = api.get(viewer, SCOPES);
        assertThat((List<String>) Json.read(unchanged, "$[*].key")).containsExactly("strategy", "content", "schedule", "ads");
        assertThat((List<String>) Json.read(unchanged, "$[1].stages[*].name")).containsExactly("Review");
    }

    @Test
    void everyProblemOfOneRequestIsListedAndNothingIsWritten() {
        MvcTestResult stages = api.routeScope(manager, "content",
                "[{\"name\":\" \",\"approverRole\":\"VIEWER\",\"requiredApprovals\":0},{\"name\":\"Legal\"}]");
        assertThat(stages).hasStatus(400);
        assertThat((List<String>) Json.read(stages, "$.errors[*].field")).containsExactly("stages[0].name",
                "stages[0].approverRole", "stages[0].requiredApprovals", "stages[1].approverRole");
        MvcTestResult scope = api.post(manager, SCOPES, "{\"key\":\"Legal!\",\"name\":\" \"}");
        assertThat((List<String>) Json.read(scope, "$.errors[*].field")).containsExactlyInAnyOrder("key", "name");
        MvcTestResult deadlines = api.put(manager, SETTINGS,
                "{\"urgentHours\":0,\"highHours\":24,\"normalHours\":72,\"lowHours\":9999}");
        assertThat((List<String>) Json.read(deadlines, "$.errors[*].field")).containsExactlyInAnyOrder("urgentHours", "lowHours");
        MvcTestResult rule = api.post(manager, RULES, "{\"name\":\"\",\"maxWords\":0,\"afterMinutes\":-1}");
        assertThat((List<String>) Json.read(rule, "$.errors[*].field")).containsExactlyInAnyOrder("name", "maxWords", "afterMinutes");

        assertThat((List<String>) Json.read(api.get(viewer, SCOPES), "$[1].stages[*].name")).containsExactly("Review");
        assertThat((Integer) Json.read(api.get(viewer, SETTINGS), "$.urgentHours")).isEqualTo(4);
        assertThat((List<?>) Json.read(api.get(viewer, RULES), "$")).isEmpty();
    }

    @Test
    void onlyManagersAndUpChangeSettings() {
        for (Member notManager : List.of(contributor, approver, viewer)) {
            assertThat(api.routeScope(notManager, "content", "[{\"name\":\"X\",\"approverRole\":\"APPROVER\"}]"))
                    .as("%s", notManager.role()).hasStatus(403);
            assertThat(api.post(notManager, SCOPES, "{\"key\":\"legal\",\"name\":\"Legal\"}")).hasStatus(403);
            assertThat(api.put(notManager, SETTINGS, "{\"urgentHours\":1,\"highHours\":2,\"normalHours\":3,\"lowHours\":4}"))
                    .hasStatus(403);
            assertThat(api.post(notManager, RULES, "{\"name\":\"R\",\"maxWords\":10}")).hasStatus(403);
        }
        assertThat((Integer) Json.read(api.get(viewer, SETTINGS), "$.urgentHours")).isEqualTo(4);
        assertThat(api.put(owner, SETTINGS, "{\"urgentHours\":2,\"highHours\":12,\"normalHours\":48,\"lowHours\":120}"))
                .hasStatusOk();
        assertThat((Integer) Json.read(api.get(viewer, SETTINGS), "$.urgentHours")).isEqualTo(2);
    }

    @Test
    void aManagerAddsRenamesAndDisablesAScope() {
        MvcTestResult added = api.post(manager, SCOPES, """
                {"key":"legal","name":"Legal","stages":[{"name":"Counsel","approverIds":["%s"]}]}"""
                .formatted(contributor.userId()));
        assertThat(added).hasStatus(201).hasHeader(HttpHeaders.LOCATION, SCOPES + "/legal");
        String etag = added.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat((Boolean) Json.read(added, "$.followsStrategy")).isTrue();
        assertThat((List<String>) Json.read(api.get(viewer, SCOPES), "$[*].key"))
                .containsExactly("strategy", "content", "schedule", "ads", "legal");
        assertThat(api.post(manager, SCOPES, "{\"key\":\"legal\",\"name\":\"Legal again\"}")).hasStatus(409);

        String campaign = api.campaign(manager, "With legal");
        MvcTestResult started = api.initialized(manager, campaign);
        assertThat((List<String>) Json.read(started, "$.scopes[*].scope")).containsExactly("strategy", "content", "schedule", "ads", "legal");
        assertThat(api.approve(contributor, api.scopeId(viewer, campaign, "legal"))).hasStatusOk();

        MvcTestResult renamed = putWithIfMatch(manager, SCOPES + "/legal", "{\"name\":\"Legal review\"}", etag);
        assertThat(renamed).hasStatusOk();
        assertThat((String) Json.read(renamed, "$.name")).isEqualTo("Legal review");
        assertThat(renamed.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
        assertThat((List<String>) Json.read(renamed, "$.stages[*].name")).containsExactly("Counsel");
        MvcTestResult stale = putWithIfMatch(manager, SCOPES + "/legal", "{\"name\":\"Stale\"}", etag);
        assertThat(stale).hasStatus(412);
        assertThat((String) Json.read(api.get(viewer, SCOPES + "/legal"), "$.name")).isEqualTo("Legal review");

        MvcTestResult disabled = api.put(manager, SCOPES + "/legal", "{\"enabled\":false}");
        assertThat((Boolean) Json.read(disabled, "$.enabled")).isFalse();
        String later = api.campaign(manager, "Without legal");
        assertThat((List<String>) Json.read(api.initialized(manager, later), "$.scopes[*].scope")).doesNotContain("legal");
        MvcTestResult check = api.post(viewer, ApprovalRequests.CAMPAIGNS + "/" + later + "/approvals/check-publish", null);
        assertThat((List<String>) Json.read(check, "$.blockers[*].scope")).doesNotContain("legal");

        MvcTestResult enabled = api.put(manager, SCOPES + "/legal", "{\"enabled\":true,\"position\":0}");
        assertThat((Boolean) Json.read(enabled, "$.enabled")).isTrue();
        assertThat((String) Json.read(api.get(viewer, SCOPES), "$[0].key")).isEqualTo("legal");
        // enabling it again lets an initialize add just the missing scope
        MvcTestResult reinit = api.initialized(manager, later);
        assertThat((List<String>) Json.read(reinit, "$.scopes[*].scope")).contains("legal");
    }

    @Test
    void scopeKeysAndNamesAreChecked() {
        assertFieldError(api.post(manager, SCOPES, "{\"key\":\"Legal!\",\"name\":\"Legal\"}"), "key");
        assertFieldError(api.post(manager, SCOPES, "{\"name\":\"Legal\"}"), "key");
        assertFieldError(api.post(manager, SCOPES, "{\"key\":\"legal\",\"name\":\"  \"}"), "name");
        assertFieldError(api.put(manager, SCOPES + "/content", "{\"name\":\"%s\"}".formatted("x".repeat(81))), "name");
        assertThat(api.put(manager, SCOPES + "/nope", "{\"name\":\"Nope\"}")).hasStatus(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"urgentHours\":0,\"highHours\":24,\"normalHours\":72,\"lowHours\":168}    | urgentHours",
            "{\"urgentHours\":4,\"highHours\":24,\"normalHours\":72,\"lowHours\":2161}   | lowHours",
            "{\"urgentHours\":4,\"normalHours\":72,\"lowHours\":168}                     | highHours"})
    void badDeadlinesAreRefused(String body, String field) {
        assertFieldError(api.put(manager, SETTINGS, body), field);
    }

    @Test
    void rulesAreCreatedChangedAndDeleted() {
        MvcTestResult created = api.post(manager, RULES, """
                {"name":"Short trusted copy","scope":"content","maxWords":120,"trustedMemberIds":["%s"],
                 "campaignPriorities":["LOW","MEDIUM"],"afterMinutes":120}""".formatted(contributor.userId()));
        assertThat(created).hasStatus(201);
        String id = Json.read(created, "$.id");
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(RULES + "/" + id);
        assertThat((Boolean) Json.read(created, "$.enabled")).isTrue();
        assertThat((List<String>) Json.read(created, "$.campaignPriorities")).containsExactly("LOW", "MEDIUM");

        MvcTestResult changed = api.put(manager, RULES + "/" + id, "{\"afterMinutes\":30,\"enabled\":false}");
        assertThat(changed).hasStatusOk();
        assertThat((Integer) Json.read(changed, "$.afterMinutes")).isEqualTo(30);
        assertThat((Boolean) Json.read(changed, "$.enabled")).isFalse();
        assertThat((Integer) Json.read(changed, "$.maxWords")).isEqualTo(120);
        assertThat((List<String>) Json.read(api.get(viewer, RULES), "$[*].name")).containsExactly("Short trusted copy");

        Member stranger = workspaces.workspace("Rule stranger");
        assertThat(api.put(stranger, RULES + "/" + id, "{\"afterMinutes\":1}")).hasStatus(404);
        assertThat(api.delete(stranger, RULES + "/" + id)).hasStatus(404);
        assertThat(api.delete(contributor, RULES + "/" + id)).hasStatus(403);

        assertThat(api.delete(manager, RULES + "/" + id)).hasStatus(204);
        assertThat((List<?>) Json.read(api.get(viewer, RULES), "$")).isEmpty();
        assertThat(api.delete(manager, RULES + "/" + id)).hasStatus(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no condition       | {\"name\":\"Everything\"}                                        | scope",
            "unknown scope      | {\"name\":\"R\",\"scope\":\"nope\"}                              | scope",
            "no name            | {\"maxWords\":10}                                                | name",
            "zero words         | {\"name\":\"R\",\"maxWords\":0}                                  | maxWords",
            "unknown member     | {\"name\":\"R\",\"trustedMemberIds\":[\"{unknown}\"]}            | trustedMemberIds",
            "negative wait      | {\"name\":\"R\",\"maxWords\":10,\"afterMinutes\":-1}             | afterMinutes"})
    void badRulesAreRefused(String what, String body, String field) {
        assertFieldError(api.post(manager, RULES, body.replace("{unknown}", UUID.randomUUID().toString())), field);
        assertThat((List<?>) Json.read(api.get(viewer, RULES), "$")).isEmpty();
    }
}
