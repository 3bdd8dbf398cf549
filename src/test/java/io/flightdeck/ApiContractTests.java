package io.flightdeck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.ApiOperations;
import io.flightdeck.support.ApiOperations.Operation;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the OpenAPI document the way a careless client would. A request that is refused is
 * refused before anything is written: the workspace's audit log, which records every write of every entity, does not
 * move.
 */
@FlightdeckTest
class ApiContractTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private ApiContractFixture fixture;
    private Member owner;

    @BeforeEach
    void fixture() {
        fixture = ApiContractFixture.build(api, workspaces, "Contract");
        owner = fixture.owner;
    }

    private MvcTestResult get(String path) {
        return fixture.get(path);
    }

    private String value(String path, String parameter) {
        return fixture.value(path, parameter);
    }

    private long auditEntries() {
        return fixture.auditEntries();
    }

    private ApiOperations operations() {
        return ApiContractFixture.operations(mvc);
    }

    @Test
    void everyWriteRefusedForItsAcceptHeaderWritesNothing() {
        ApiOperations api = operations();
        List<Operation> writes = api.writes();
        assertThat(writes).hasSizeGreaterThan(60);
        List<String> wrote = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        for (Operation operation : writes) {
            long before = auditEntries();
            var request = mvc.method(HttpMethod.valueOf(operation.method().toUpperCase()))
                    .uri(operation.uri(this::value))
                    .header(HttpHeaders.AUTHORIZATION, owner.bearer())
                    .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_XML_VALUE);
            if (operation.hasJsonBody()) {
                request = request.contentType(MediaType.APPLICATION_JSON).content(api.exampleBody(operation).toString());
            } else if (operation.hasMultipartBody()) {
                // a one-part form with a small file, so that only the Accept header is wrong
                request = request.contentType("multipart/form-data; boundary=fd").content(
                        "--fd\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                                + "Content-Type: text/plain\r\n\r\nhello\r\n--fd--\r\n");
            }
            MvcTestResult result = request.exchange();
            if (auditEntries() != before) {
                wrote.add(operation + " answered " + result.getResponse().getStatus());
            }
            String type = result.getResponse().getContentType();
            if (result.getResponse().getStatus() != 406 || type == null || !type.startsWith("application/problem+json")) {
                notRefused.add(operation + " answered " + result.getResponse().getStatus() + " " + type);
            }
        }
        assertThat(wrote).as("writes that happened although the request was refused").isEmpty();
        assertThat(notRefused).as("operations that did not answer a 406 problem").isEmpty();
    }

    /**
     * A client that copies an operation's documented example gets past validation: the example is a valid request.
     * Ids in an example cannot exist in this workspace, so the walk puts the fixture's ids in their place.
     */
    @Test
    void everyDocumentedExampleIsAValidRequest() {
        ApiOperations api = operations();
        List<String> refused = new ArrayList<>();
        List<Operation> withBodies = api.all().stream().filter(Operation::hasJsonBody).toList();
        assertThat(withBodies).hasSizeGreaterThan(30);
        for (Operation operation : withBodies) {
            JsonNode example = fixture.withFixtureIds(api.exampleBody(operation));
            MvcTestResult result = mvc.method(HttpMethod.valueOf(operation.method().toUpperCase()))
                    .uri(operation.uri(this::value))
                    .header(HttpHeaders.AUTHORIZATION, owner.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content(example.toString()).exchange();
            int status = result.getResponse().getStatus();
            if (status == 400 || status >= 500) {
                refused.add(operation + " answered " + status + " to " + example + ": " + Json.body(result));
            }
            if (operation.path().endsWith("/timeline/generate")) {
                fixture.readPlan(); // the example replaces the timeline, and with it the tasks
            }
        }
        assertThat(refused).as("documented examples the API refuses").isEmpty();
    }

    /** What a browser sends: an error page would be acceptable to it, but under /api/ it gets a problem all the same. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /**
     * Every error the API answers is a problem document, whoever asks and whatever goes wrong: ids that exist nowhere,
     * a body that is not JSON, no credentials. An HTML page or an empty error body is a bug, and so is any 5xx.
     */
    @Test
    void everyErrorUnderApiIsAProblemDocument() {
        ApiOperations api = operations();
        List<String> wrong = new ArrayList<>();
        for (Operation operation : api.all()) {
            JsonNode example = fixture.withFixtureIds(api.exampleBody(operation));
            if (operation.path().contains("{")) {
                check(wrong, operation, "unknown ids", send(operation, operation.uri((path, name) -> UUID.randomUUID().toString()),
                        owner.bearer(), example.toString()));
            }
            if (operation.hasJsonBody()) {
                check(wrong, operation, "a body that is not JSON", send(operation, operation.uri(this::value), owner.bearer(), "{\"broken\":"));
            }
            check(wrong, operation, "no credentials", send(operation, operation.uri(this::value), null, example.toString()));
        }
        assertThat(wrong).as("error answers under /api/ that are not problem documents, or server errors").isEmpty();
    }

    private MvcTestResult send(Operation operation, String uri, String authorization, String json) {
        var request = mvc.method(HttpMethod.valueOf(operation.method().toUpperCase())).uri(uri)
                .header(HttpHeaders.ACCEPT, BROWSER_ACCEPT);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (operation.hasJsonBody()) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }

    private static void check(List<String> wrong, Operation operation, String what, MvcTestResult result) {
        int status = result.getResponse().getStatus();
        String type = result.getResponse().getContentType();
        if (status >= 500 || status >= 400 && (type == null || !type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE))) {
            wrong.add(operation + " with " + what + " answered " + status + " " + type);
        }
    }

    /**
     * A member whose role may not make a change learns so before the body is read: a broken body answers 403 to a
     * VIEWER, not 400, for every write that names a role (the document's {@code x-required-roles}); the same for an
     * API key whose ceiling is VIEWER. Nothing is written either way.
     */
    @Test
    void aViewerIsRefusedBeforeTheBodyIsRead() {
        ApiOperations api = operations();
        List<Operation> guarded = api.writes().stream()
                .filter(operation -> !operation.requiredRoles().isEmpty() && !operation.requiredRoles().contains("VIEWER"))
                .toList();
        assertThat(guarded).hasSizeGreaterThan(100);
        String viewerKey = fixture.apiKey(Role.VIEWER);
        List<String> notRefused = new ArrayList<>();
        long before = auditEntries();
        for (Operation operation : guarded) {
            for (String credential : List.of(fixture.viewer.bearer(), viewerKey)) {
                var request = mvc.method(HttpMethod.valueOf(operation.method().toUpperCase()))
                        .uri(operation.uri(this::value))
                        .header(HttpHeaders.AUTHORIZATION, credential)
                        .header("Tus-Resumable", "0.2.0").header("Upload-Length", "a lot").header("Upload-Offset", "-1");
                if (operation.hasJsonBody()) {
                    request = request.contentType(MediaType.APPLICATION_JSON).content("{\"channelPostIds\":[null],\"shift\":");
                } else if (operation.hasMultipartBody()) {
                    request = request.contentType("multipart/form-data; boundary=fd").content("--fd\r\nbroken");
                } else {
                    request = request.contentType("application/offset+octet-stream").content("x");
                }
                MvcTestResult result = request.exchange();
                String type = result.getResponse().getContentType();
                if (result.getResponse().getStatus() != 403 || type == null || !type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
                    notRefused.add(operation + (credential.equals(viewerKey) ? " (viewer key)" : " (viewer)") + " answered "
                            + result.getResponse().getStatus() + " " + type);
                }
            }
        }
        assertThat(notRefused).as("writes that read a viewer's body before refusing the viewer").isEmpty();
        assertThat(auditEntries()).as("audit entries after the refused writes").isEqualTo(before);
    }

    /** The render providers' webhook is part of the API an outside party reaches, so the document has it, unsecured. */
    @Test
    void theProviderWebhookIsDocumented() {
        Operation webhook = operations().all().stream()
                .filter(operation -> operation.path().equals("/api/v1/render-jobs/webhook/{provider}")).findFirst().orElseThrow();
        assertThat(webhook.method()).isEqualTo("post");
        assertThat(webhook.operationId()).isEqualTo("renderJobs_providerWebhook");
        assertThat(webhook.node().path("security").isArray() && webhook.node().path("security").isEmpty())
                .as("no sign-in: the provider's signature is checked instead").isTrue();
        assertThat(webhook.hasJsonBody()).isTrue();
        assertThat(webhook.node().path("parameters").findValuesAsString("name")).as("the raw delivery is no parameter")
                .containsExactly("provider");
        assertThat(webhook.node().path("responses").path("401").path("description").asString()).contains("signature");
        assertThat(webhook.node().path("responses").has("413")).as("a body over the webhook kit's limit").isTrue();
    }

    @Test
    void aRefusedCreateLeavesNoCampaignAndARefusedUpdateNoChange() {
        MvcTestResult refused = api.as(owner).header(HttpHeaders.ACCEPT, MediaType.APPLICATION_XML_VALUE)
                .post("/api/v1/campaigns", "{\"name\":\"Refused for its Accept\",\"type\":\"OTHER\"}");
        assertThat(refused).hasStatus(406);
        assertThat((String) Json.read(refused, "$.type")).isEqualTo("https://flightdeck.dev/problems/not-acceptable");
        assertThat(Json.body(get("/api/v1/campaigns?q=Refused"))).contains("\"total\":0");

        assertThat(api.as(owner).header(HttpHeaders.ACCEPT, "text/html")
                .put("/api/v1/campaigns/" + fixture.id("campaign"), "{\"name\":\"Renamed anyway\",\"type\":\"OTHER\"}"))
                .hasStatus(406);
        assertThat((String) Json.read(get("/api/v1/campaigns/" + fixture.id("campaign")), "$.name")).isEqualTo("Contract launch");
    }

    @Test
    void acceptHeadersThatAllowJsonStillWork() {
        for (String accept : List.of("application/json", "*/*", "application/*", "application/problem+json, application/json;q=0.5",
                "text/html, application/json;q=0.9")) {
            // a campaign is JSON even to a client that prefers problem documents (for its errors)
            assertThat(api.as(owner).header(HttpHeaders.ACCEPT, accept).get("/api/v1/campaigns/" + fixture.id("campaign")))
                    .as(accept).hasStatusOk().contentType().isEqualTo(MediaType.APPLICATION_JSON);
        }
        assertThat(api.as(owner).header(HttpHeaders.ACCEPT, "text/csv").get("/api/v1/audit-log/export")).hasStatusOk();
        assertThat(api.as(owner).header(HttpHeaders.ACCEPT, "application/json").get("/api/v1/audit-log/export"))
                .hasStatus(406);
    }
}
