package io.flightdeck.email;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The block editor on the server: the vendor files the build fetched from npm are served without a session; a
 * block-built save keeps the design beside its sanitised HTML and shows the text part with the footer; a design the
 * sanitiser had to change, or an HTML edit afterwards, drops the design (rebuilt from the HTML), and says so; a broken
 * design is refused with what was posted kept.
 */
@FlightdeckTest
class EmailBlockEditorTests {

    private static final String DESIGN = "{\"pages\":[{\"frames\":[{\"component\":{\"type\":\"wrapper\",\"components\":"
            + "[{\"tagName\":\"p\",\"content\":\"design-marker\"}]}}]}],\"styles\":[]}";
    private static final String HTML = "<!DOCTYPE html><html><head><title></title></head><body>"
            + "<table role=\"presentation\" width=\"100%\"><tr><td style=\"padding: 16px; color: #111827;\">"
            + "<h2 style=\"margin: 0;\">Ride into spring</h2></td></tr>"
            + "<tr><td style=\"font-size: 12px;\"><p>{{postal_address}}</p>"
            + "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p></td></tr></table></body></html>";

    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvcTester mvc;
    @LocalServerPort
    int port;

    @Test
    void theFetchedEditorIsServedAtItsAddresses() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/vendor/grapesjs/grapes.min.js", "/vendor/grapesjs/grapes.min.css",
                "/vendor/grapesjs-preset-newsletter/index.js", "/js/email-blocks.js"}) {
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).as(path).isEqualTo(200);
            assertThat(served.body().length()).as(path).isGreaterThan(1000);
        }
        HttpResponse<String> preset = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/vendor/grapesjs-preset-newsletter/index.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preset.body()).startsWith("/*! grapesjs-preset-newsletter - 1.0.2 */");
    }

    @Test
    void aBlockBuiltTemplateKeepsItsDesignHtmlAndTextPartWithTheFooter() throws Exception {
        Member owner = workspaces.workspace("Block editor");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.post(session, "/email/settings", "fromName", "Acme News", "postalAddress", "Acme, 1 Main St",
                "version", "0")).hasStatus3xxRedirection();
        String id = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("name", "Built with blocks",
                "subject", "Spring news", "html", "<p>Hello {{first_name | \"there\"}},</p>")), "$.id");
        String blocks = "/email/templates/" + id + "/blocks";

        assertThat(web.page(session, blocks)).contains("id=\"blocks-editor\"", "/vendor/grapesjs/grapes.min.js",
                "/vendor/grapesjs-preset-newsletter/index.js", "/js/email-blocks.js", "data-html=\"",
                "Hello {{first_name").doesNotContain("data-design=", "<script>");

        MvcTestResult saved = web.post(session, blocks, "design", DESIGN, "html", HTML, "version", "0");
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(saved.getMvcResult().getFlashMap().get("flash").toString()).contains("Template saved");
        String page = web.page(session, blocks);
        assertThat(page).contains("design-marker", "Ride into spring");
        // the text part sent beside the HTML: the content and the footer's address and unsubscribe link
        assertThat(page.substring(page.indexOf("id=\"blocks-text\""))).contains("Ride into spring",
                "{{postal_address}}", "Unsubscribe ({{unsubscribe_url}})");
        String stored = Json.read(api.as(owner).get("/api/v1/email/templates/" + id), "$.html");
        assertThat(stored).contains("<table", "style=\"padding: 16px; color: #111827\"", "{{unsubscribe_url}}");
        String preview = web.fragment(session, "/email/templates/" + id + "/preview?view=mobile");
        assertThat(preview).contains("Ride into spring", "Acme, 1 Main St", "Unsubscribe", "width=\"375\"");
        assertThat(web.page(session, "/email/templates/" + id)).contains("built with blocks", "Edit with blocks");

        // what the sanitiser changes is not kept as a design: the editor rebuilds it from the HTML it stored
        MvcTestResult scripted = web.post(session, blocks, "design", DESIGN, "html",
                HTML.replace("</h2>", "</h2><script>x()</script>"), "version", "1");
        assertThat(scripted.getMvcResult().getFlashMap().get("flash").toString()).contains("a script",
                "rebuilt from the saved HTML");
        assertThat(web.page(session, blocks)).doesNotContain("data-design=", "design-marker");

        // an HTML edit after a block design drops the design, as the HTML page warned
        assertThat(web.post(session, blocks, "design", DESIGN, "html", HTML, "version", "2"))
                .hasStatus3xxRedirection();
        assertThat(web.post(session, "/email/templates/" + id, "name", "Built with blocks", "kind", "CUSTOM",
                "subject", "Spring news", "preheader", "", "html", HTML.replace("Ride", "Cycle"), "version", "3"))
                .hasStatus3xxRedirection();
        assertThat(web.page(session, blocks)).contains("Cycle into spring").doesNotContain("data-design=");
        assertThat(web.page(session, "/email/templates/" + id)).doesNotContain("built with blocks");
    }

    @Test
    void aBrokenOrStaleDesignIsRefusedAndWhatWasPostedStays() throws Exception {
        Member owner = workspaces.workspace("Block editor refusals");
        MockHttpSession session = web.signIn(owner);
        String id = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("name", "Refusals",
                "subject", "x", "html", "<p>x</p>")), "$.id");
        String blocks = "/email/templates/" + id + "/blocks";
        MvcTestResult broken = web.post(session, blocks, "design", "{not json", "html", HTML, "version", "0");
        assertThat(broken).hasStatus(400);
        assertThat(broken.getResponse().getContentAsString()).contains("not valid JSON", "data-design=\"{not json\"",
                "Ride into spring");
        MvcTestResult stale = web.post(session, blocks, "design", DESIGN, "html", HTML, "version", "7");
        assertThat(stale).hasStatus(412);
        assertThat(stale.getResponse().getContentAsString()).contains("design-marker", "someone saved");
        assertThat(web.post(session, "/email/templates/builtin-welcome/blocks", "design", DESIGN, "html", HTML))
                .hasStatus(400);
    }

    @Test
    void aDesignThatCouldRunInAColleaguesEditorIsNeitherKeptNorLoaded() throws Exception {
        Member owner = workspaces.workspace("Block editor safety");
        Member stranger = workspaces.workspace("Block editor elsewhere");
        MockHttpSession session = web.signIn(owner);
        String id = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("name", "Safety",
                "subject", "x", "html", "<p>x</p>")), "$.id");
        String blocks = "/email/templates/" + id + "/blocks";
        for (String unsafe : new String[] {
                DESIGN.replace("\"tagName\":\"p\"", "\"tagName\":\"p\",\"attributes\":{\"onmouseover\":\"x()\"}"),
                DESIGN.replace("\"tagName\":\"p\"", "\"tagName\":\"script\""),
                DESIGN.replace("\"tagName\":\"p\"", "\"tagName\":\"p\",\"script\":\"function(){x()}\""),
                DESIGN.replace("design-marker", "<img src=x onerror=x()>design-marker"),
                DESIGN.replace("\"tagName\":\"p\"", "\"tagName\":\"a\",\"attributes\":{\"href\":\"java\\tscript:x()\"}")}) {
            MvcTestResult saved = web.post(session, blocks, "design", unsafe, "html", HTML, "version",
                    Json.read(api.as(owner).get("/api/v1/email/templates/" + id), "$.version").toString());
            assertThat(saved).as(unsafe).hasStatus3xxRedirection();
            assertThat(saved.getMvcResult().getFlashMap().get("flash").toString())
                    .contains("runs in a browser and was not kept");
            assertThat(web.page(session, blocks)).as(unsafe).doesNotContain("data-design=", "design-marker")
                    .contains("Ride into spring");
        }
        // the editor's own link component and a less-than sign in a text are no such thing: that design is kept
        String links = DESIGN.replace("\"tagName\":\"p\",\"content\":\"design-marker\"", "\"type\":\"link\","
                + "\"tagName\":\"a\",\"attributes\":{\"href\":\"https://example.com/\"},\"content\":\"design-marker < 10\"");
        assertThat(links).contains("\"type\":\"link\"");
        assertThat(web.post(session, blocks, "design", links, "html", HTML, "version",
                Json.read(api.as(owner).get("/api/v1/email/templates/" + id), "$.version").toString()))
                .hasStatus3xxRedirection();
        assertThat(web.page(session, blocks)).contains("data-design=", "design-marker");
        // one stored before designs were checked is not handed to an editor either
        jdbc.sql("update email_templates set design = :design where id = cast(:id as uuid)")
                .param("design", DESIGN.replace("\"tagName\":\"p\"", "\"tagName\":\"iframe\"")).param("id", id).update();
        assertThat(web.page(session, blocks)).doesNotContain("data-design=");
        // and another workspace's template is not found by its editor
        MockHttpSession theirs = web.signIn(stranger);
        for (String path : List.of(blocks, blocks + "/creative?creativeId=" + java.util.UUID.randomUUID(),
                blocks + "/image?assetId=" + java.util.UUID.randomUUID())) {
            assertThat(mvc.get().uri(path).session(theirs).exchange()).as(path).hasStatus(404);
        }
        assertThat(web.post(theirs, blocks, "design", DESIGN, "html", HTML, "version", "0")).hasStatus(404);
    }
}
