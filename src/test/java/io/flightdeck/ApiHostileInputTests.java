package io.flightdeck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.ApiOperations;
import io.flightdeck.support.ApiOperations.Operation;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every operation with a JSON body what an attacker would: each array with a {@code null} element, each string
 * 100,000 characters long, and the ids of another workspace. Each answer is a 4xx problem document, and the audit log,
 * which records every write of every entity, does not move.
 */
@FlightdeckTest
class ApiHostileInputTests {

    private static final int LONG = 100_000;

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private ApiContractFixture fixture;
    private ApiOperations operations;

    @BeforeEach
    void fixture() {
        fixture = ApiContractFixture.build(api, workspaces, "Hostile");
        operations = ApiContractFixture.operations(mvc);
    }

    /** The two requests that answered 500: each is an invalid field now, named by its index. */
    @Test
    void aNullIdToRescheduleOrANullTargetIsAnInvalidField() {
        MvcTestResult reschedule = api.as(fixture.owner).post("/api/v1/social/bulk-reschedule",
                "{\"channelPostIds\":[null],\"shift\":\"P1D\"}");
        assertThat(reschedule).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Json.body(reschedule)).contains("\"field\":\"channelPostIds[0]\"", "must not be null");
        MvcTestResult multi = api.as(fixture.owner).post("/api/v1/social/schedule-multi-platform", """
                {"campaignId":"%s","title":"Launch","targets":[null],"at":"2031-03-01T09:00:00Z"}""".formatted(fixture.id("campaign")));
        assertThat(multi).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Json.body(multi)).contains("targets[0]");
    }

    @Test
    void everyArrayWithANullElementIsRefused() {
        List<String> wrong = walk((operation, body, variants) -> eachArray(body, array -> {
            array.insertNull(0);
            variants.accept("a null in an array");
            array.remove(0);
        }));
        assertThat(wrong).as("operations that took an array with a null element").isEmpty();
    }

    /**
     * A string of 100,000 characters; where the document allows that many (a long text to repurpose), one more than
     * it allows.
     */
    @Test
    void everyStringFarTooLongIsRefused() {
        List<String> wrong = walk((operation, body, variants) -> eachString(body, (object, field, max) -> {
            JsonNode was = object.get(field);
            object.put(field, "x".repeat(Math.max(LONG, max + 1)));
            variants.accept(field + " " + Math.max(LONG, max + 1) + " characters long");
            object.set(field, was);
        }));
        assertThat(wrong).as("operations that took a string far too long").isEmpty();
    }

    /** Ids of another workspace, in the path and in the body, are not found: 404, or 400 naming the field. */
    @Test
    void everyIdOfAnotherWorkspaceIsRefused() {
        ApiContractFixture other = ApiContractFixture.build(api, workspaces, "Elsewhere");
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations.writes()) {
            if (!operation.hasJsonBody()) {
                continue;
            }
            String ownPath = operation.uri(fixture::anyValue);
            String foreignPath = operation.uri(other::anyValue);
            if (!foreignPath.equals(ownPath)) {
                JsonNode body = fixture.withAllFixtureIds(operations.exampleBody(operation));
                expectRefused(wrong, operation, "ids of another workspace in the path", foreignPath, body);
            }
            JsonNode own = fixture.withAllFixtureIds(operations.exampleBody(operation));
            JsonNode foreign = other.withAllFixtureIds(operations.exampleBody(operation));
            if (!foreign.equals(own)) {
                expectRefused(wrong, operation, "ids of another workspace in the body", ownPath, foreign);
            }
        }
        assertThat(wrong).as("operations that took ids of another workspace").isEmpty();
    }

    private interface Mutations {
        void apply(Operation operation, JsonNode body, Consumer<String> variants);
    }

    private interface StringField {
        void apply(ObjectNode object, String field, int documentedMax);
    }

    /** Every write with a JSON body, sent once for each variant the mutations make of its (fixture-filled) example. */
    private List<String> walk(Mutations mutations) {
        List<String> wrong = new ArrayList<>();
        List<Operation> withBodies = operations.all().stream().filter(Operation::hasJsonBody).toList();
        assertThat(withBodies).hasSizeGreaterThan(30);
        for (Operation operation : withBodies) {
            JsonNode body = fixture.withAllFixtureIds(operations.exampleBody(operation));
            mutations.apply(operation, body, what -> expectRefused(wrong, operation, what, operation.uri(fixture::anyValue), body));
        }
        return wrong;
    }

    private void expectRefused(List<String> wrong, Operation operation, String what, String uri, JsonNode body) {
        long before = fixture.auditEntries();
        MvcTestResult result = mvc.method(HttpMethod.valueOf(operation.method().toUpperCase())).uri(uri)
                .header(HttpHeaders.AUTHORIZATION, fixture.owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body.toString()).exchange();
        int status = result.getResponse().getStatus();
        String type = result.getResponse().getContentType();
        if (status < 400 || status >= 500 || type == null || !type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            wrong.add(operation + " with " + what + " answered " + status + " " + type);
        }
        if (fixture.auditEntries() != before) {
            wrong.add(operation + " with " + what + " wrote");
        }
        if (operation.path().endsWith("/timeline/generate")) {
            fixture.readPlan();
        }
    }

    private static void eachArray(JsonNode node, Consumer<ArrayNode> action) {
        if (node instanceof ArrayNode array) {
            action.accept(array);
        }
        for (JsonNode child : List.copyOf(node.values())) {
            eachArray(child, action);
        }
    }

    private void eachString(JsonNode node, StringField action) {
        if (node instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                if (object.get(field).isString()) {
                    action.apply(object, field, documentedMax(field));
                } else {
                    eachString(object.get(field), action);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> eachString(child, action));
        }
    }

    /** The largest maxLength the document gives a property of this name anywhere; 0 when none. */
    private int documentedMax(String field) {
        int max = 0;
        for (JsonNode schema : operations.schemas()) {
            max = Math.max(max, schema.path("properties").path(field).path("maxLength").asInt(0));
        }
        return max;
    }
}
