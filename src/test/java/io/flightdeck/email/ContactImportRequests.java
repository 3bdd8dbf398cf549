package io.flightdeck.email;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Contact imports through the API for the tests: upload, start with a mapping, wait for the end. */
final class ContactImportRequests {

    static final String BASE = "/api/v1/email/imports";
    static final String EVIDENCE = "Sign-up sheet of the spring fair 2026; everyone ticked Send me news";

    private final ApiClient api;

    ContactImportRequests(ApiClient api) {
        this.api = api;
    }

    MvcTestResult upload(Member as, String csv) {
        return upload(as, csv.getBytes(StandardCharsets.UTF_8));
    }

    MvcTestResult upload(Member as, byte[] content) {
        return api.as(as).upload(BASE, "contacts.csv", content);
    }

    /** Uploads, starts with the suggested mapping (and the body's other fields), waits; answers the finished import. */
    MvcTestResult importSuggested(Member as, String csv, Map<String, Object> choices) throws InterruptedException {
        MvcTestResult uploaded = upload(as, csv);
        assertThat(uploaded).as(Json.body(uploaded)).hasStatus(201);
        String id = Json.read(uploaded, "$.id");
        List<Map<String, Object>> mapping = Json.read(api.as(as).get(BASE + "/" + id + "/preview"), "$.mapping");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("mapping", mapping, "consentEvidence", EVIDENCE));
        body.putAll(choices);
        MvcTestResult started = api.as(as).post(BASE + "/" + id + "/start", body);
        assertThat(started).as(Json.body(started)).hasStatus(202);
        return await(as, id);
    }

    MvcTestResult await(Member as, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            MvcTestResult read = api.as(as).get(BASE + "/" + id);
            assertThat(read).hasStatusOk();
            String status = Json.read(read, "$.status");
            if (List.of("SUCCEEDED", "FAILED", "PARTLY").contains(status)) {
                return read;
            }
            assertThat(System.currentTimeMillis()).as("import " + id + " still " + status).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    static long number(MvcTestResult result, String path) {
        return ((Number) Json.read(result, path)).longValue();
    }
}
