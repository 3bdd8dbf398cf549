package io.flightdeck.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.ForkedApp;

import static io.flightdeck.support.ForkedApp.ok;
import static org.awaitility.Awaitility.await;

/**
 * The work {@link TwoNodesKillTests} gives a node, made through its API as a member would: a launched campaign with
 * an email to a list, a sandbox channel account, a creative to render, contact imports and posts due now.
 */
final class NodeWorkload {

    private final ForkedApp node;
    private final String token;
    private final String run;

    NodeWorkload(ForkedApp node, String token, String run) {
        this.node = node;
        this.token = token;
        this.run = run;
    }

    /** A campaign on email and X, launched, with no approval or readiness to wait for and its workflow publishing. */
    String launchedCampaign() throws Exception {
        List<String> scopes = JsonPath.read(ok(node.send("GET", "/api/v1/approval-scopes", token, null), 200), "$[*].key");
        for (String scope : scopes) {
            ok(node.send("PUT", "/api/v1/approval-scopes/" + scope, token, "{\"enabled\":false}"), 200);
        }
        ok(node.send("PUT", "/api/v1/campaign-settings", token, "{\"readinessThreshold\":0}"), 200);
        String campaign = JsonPath.read(ok(node.send("POST", "/api/v1/campaigns", token, """
                {"name":"Two nodes","description":"Work that outlives a node","type":"PRODUCT_LAUNCH",
                 "priority":"HIGH","channels":["EMAIL","TWITTER"],"startDate":"2030-03-01","endDate":"2030-04-30",
                 "budget":{"amount":100.00,"currency":"EUR"}}"""), 201), "$.id");
        ok(node.send("POST", "/api/v1/campaigns/" + campaign + "/plan", token, "{}"), 200);
        ok(node.send("POST", "/api/v1/campaigns/" + campaign + "/mark-ready", token, "{}"), 200);
        ok(node.send("POST", "/api/v1/campaigns/" + campaign + "/launch", token, "{\"confirm\":true}"), 200);
        // the workflow's schedule step re-plans posts already due when it runs: let it pass before any post exists
        String workflow = "/api/v1/campaigns/" + campaign + "/workflow";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String current = JsonPath.read(ok(node.send("GET", workflow, token, null), 200), "$.current");
            return current != null && List.of("PUBLISH", "MONITOR").contains(current);
        });
        return campaign;
    }

    String list(String name) throws Exception {
        return JsonPath.read(ok(node.send("POST", "/api/v1/email/lists", token, "{\"name\":\"" + name + "\"}"), 201),
                "$.id");
    }

    /** Starts a CSV import of {@code people} contacts onto the list, waiting for its end if asked; answers its id. */
    String importContacts(String list, String fileName, int people, boolean waitForTheEnd) throws Exception {
        String id = startImport(prepareImport(list, fileName, people));
        if (waitForTheEnd) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "SUCCEEDED".equals(
                    JsonPath.read(ok(node.send("GET", "/api/v1/email/imports/" + id, token, null), 200), "$.status")));
        }
        return id;
    }

    /** A contact import uploaded and previewed, not started: the slow part, done before the work is given. */
    record PreparedImport(String id, String list, String mapping) {
    }

    PreparedImport prepareImport(String list, String fileName, int people) throws Exception {
        StringBuilder csv = new StringBuilder("Email,Name\n");
        for (int i = 0; i < people; i++) {
            csv.append(fileName, 0, 4).append(i).append('-').append(run).append("@nodes.example,Person ").append(i)
                    .append('\n');
        }
        String id = JsonPath.read(ok(node.upload("/api/v1/email/imports", token, fileName, csv.toString()), 201), "$.id");
        net.minidev.json.JSONArray mapping = JsonPath.read(ok(node.send("GET", "/api/v1/email/imports/" + id
                + "/preview", token, null), 200), "$.mapping");
        return new PreparedImport(id, list, mapping.toJSONString());
    }

    String startImport(PreparedImport prepared) throws Exception {
        ok(node.send("POST", "/api/v1/email/imports/" + prepared.id() + "/start", token, """
                {"mapping":%s,"consentEvidence":"Sign-up form","listId":"%s"}""".formatted(prepared.mapping(),
                prepared.list())), 202);
        return prepared.id();
    }

    /** Email {@code n} of the campaign to the list, its content tested (which its readiness asks for); not sent yet. */
    String emailCampaign(String campaign, String list, String testTo, int n) throws Exception {
        ok(node.send("PUT", "/api/v1/email/settings", token, """
                {"fromName":"Nodes Co","fromAddress":"news@nodes.example","postalAddress":"1 Main St, Lisbon"}"""), 200);
        String id = JsonPath.read(ok(node.send("POST", "/api/v1/email/campaigns", token, """
                {"campaignId":"%s","name":"Node news %d","subject":"Node news %d",
                 "html":"<p>Hello {{first_name | \\"there\\"}}, this is the news.</p>","listIds":["%s"]}"""
                .formatted(campaign, n, n, list)), 201), "$.id");
        ok(node.send("POST", "/api/v1/email/campaigns/" + id + "/test-send", token, "{\"to\":\"" + testTo + "\"}"), 201);
        return id;
    }

    /** A sandbox account for X that answers look-ups by idempotency key, as a network with such keys does. */
    String sandboxAccount() throws Exception {
        return JsonPath.read(ok(node.send("POST", "/api/v1/channels/sandbox", token, """
                {"displayName":"Nodes on X","channel":"TWITTER","timeZone":"UTC",
                 "settings":{"mode":"NORMAL","lookup":"supported"}}"""), 201), "$.id");
    }

    String creative(String campaign) throws Exception {
        return JsonPath.read(ok(node.send("POST", "/api/v1/content/creatives", token, """
                {"campaignId":"%s","title":"Teaser","topic":"Spring","channels":["TWITTER"],"mode":"MANUAL",
                 "texts":{"HEADLINE":"Spring is here","CTA":"Come and see"}}""".formatted(campaign)), 201), "$.id");
    }

    /** A built-in render of the creative: a short video, or an image in one size. */
    String render(String creative, boolean video) throws Exception {
        String params = video ? "{\"width\":320,\"height\":320,\"fps\":12,\"duration\":3}" : "{\"sizes\":[\"1080x1080\"]}";
        return JsonPath.read(ok(node.send("POST", "/api/v1/render-jobs", token, """
                {"creativeId":"%s","type":"%s","params":%s}""".formatted(creative, video ? "VIDEO" : "IMAGE", params)),
                201), "$.id");
    }

    /** {@code count} posts due now on the account, in one CSV batch. */
    /** {@code count} posts to the account, all due {@code in} from now. */
    void posts(String campaign, String account, int count, Duration in) throws Exception {
        String now = Instant.now().plus(in).truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder csv = new StringBuilder("account,at,text\n");
        for (int i = 0; i < count; i++) {
            csv.append(account).append(',').append(now).append(",Post ").append(i + 1).append(" of the two nodes\n");
        }
        ok(node.send("POST", "/api/v1/social/batch?campaignId=" + campaign, token, "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)), 201);
    }
}
