package io.flightdeck.assets.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.assets.AssetSamples;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The library's search and facets through MockMvc: ranked words with facet counts over every hit, facet links that add
 * and remove a filter and keep the rest, chips, the htmx update (results with the facets, chips and fields out of band,
 * the address pushed), the database answering name, click-through and reuse order and the rights and look-alike
 * filters without counts, and another workspace's assets never listed or counted.
 */
@FlightdeckTest
class AssetLibrarySearchPagesTests {

    private static final String API = "/api/v1/campaign-assets";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;
    @Autowired
    MutableClock clock;

    // ---- fixtures through the API ----------------------------------------------------------------------------------

    private String space(Member owner, String campaignId, String name, String platform) {
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces",
                "{\"campaignId\":\"%s\",\"name\":\"%s\",\"platform\":\"%s\"}".formatted(campaignId, name, platform));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    /** Copy in a space (or the library, with a null space), with a title, a description, tags and rights' end. */
    private String copy(Member as, String spaceId, String name, String type, String title, String description,
            LocalDate rightsEnd, String... tags) {
        String tagList = tags.length == 0 ? "[]" : "[\"" + String.join("\",\"", tags) + "\"]";
        MvcTestResult created = api.as(as).post(API, """
                {"spaceId":%s,"name":"%s","type":"%s","title":%s,"description":%s,"tags":%s,"rights":%s}"""
                .formatted(quoted(spaceId), name, type, quoted(title), quoted(description), tagList,
                        rightsEnd == null ? "null" : "{\"expiresOn\":\"" + rightsEnd + "\"}"));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private String upload(Member as, String spaceId, String fileName, byte[] content, String... fields) {
        MvcTestResult created = api.as(as).upload(API + "/campaign-spaces/" + spaceId + "/assets", fileName, content, fields);
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.asset.id");
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    /** One workspace's library: words in titles and descriptions, tags, two platforms, and an unrelated asset. */
    private record Library(Member owner, String meta, String tiktok) {
    }

    private Library library(String name) {
        Member owner = workspaces.workspace(name);
        String campaign = campaigns.create(owner, "Trail run");
        String meta = space(owner, campaign, "Trail – Meta", "META");
        String tiktok = space(owner, campaign, "Trail – TikTok", "TIKTOK");
        // made first, so that newest first puts it last: only relevance puts it first
        copy(owner, meta, "alpha-line", "HEADLINE", "Run the trail", "New season", null, "running");
        copy(owner, tiktok, "beta-copy", "DESCRIPTION", "Weekend offer", "Shoes for running on trails", null, "running", "sale");
        upload(owner, meta, "sunset.png", AssetSamples.png(301, 40, 30), "tags", "sale");
        copy(owner, null, "gamma-cafe", "HEADLINE", "Café opening", "Coffee and cake", null, "coffee");
        return new Library(owner, meta, tiktok);
    }

    // ---- reading the page ------------------------------------------------------------------------------------------

    /** A facet value as the page draws it: its link, its label, its count and whether it is chosen. */
    private record Facet(String id, String label, Long count, boolean selected, String href) {
    }

    private static final Pattern FACET = Pattern.compile("<a class=\"facet-value( is-selected)?\" id=\"([^\"]+)\" "
            + "href=\"([^\"]+)\".*?<span class=\"facet-label\">([^<]*)</span>\\s*(?:<span class=\"facet-count\">([^<]*)</span>)?",
            Pattern.DOTALL);

    private static List<Facet> facets(String html, String group) {
        List<Facet> found = new ArrayList<>();
        Matcher m = FACET.matcher(html);
        while (m.find()) {
            if (m.group(2).startsWith("facet-" + group + "-")) {
                found.add(new Facet(m.group(2), unescape(m.group(4)),
                        m.group(5) == null ? null : Long.parseLong(m.group(5).replace(",", "")), m.group(1) != null,
                        unescape(m.group(3))));
            }
        }
        return found;
    }

    /** A facet's counts by label, in the page's order. */
    private static Map<String, Long> counts(String html, String group) {
        Map<String, Long> counts = new LinkedHashMap<>();
        facets(html, group).forEach(f -> counts.put(f.label(), f.count()));
        return counts;
    }

    private static Facet facet(String html, String group, String label) {
        return facets(html, group).stream().filter(f -> f.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + group + " facet " + label));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }

    /** The asset names the results show, in their order. */
    private static List<String> names(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("data-asset-drawer[^>]*>([^<]+)</a>").matcher(html);
        while (m.find()) {
            names.add(unescape(m.group(1)));
        }
        return names;
    }

    /** The chips' labels and where each leads. */
    private static Map<String, String> chips(String html) {
        Map<String, String> chips = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<a class=\"chip\" href=\"([^\"]+)\".*?<span class=\"sr-only\">Remove </span><span>([^<]+)</span>",
                Pattern.DOTALL).matcher(html);
        while (m.find()) {
            chips.put(unescape(m.group(2)), unescape(m.group(1)));
        }
        return chips;
    }

    private MvcTestResult htmx(MockHttpSession session, String path, String trigger) {
        var request = mvc.get().uri(path).header("HX-Request", "true").session(session);
        if (trigger != null) {
            request.header("HX-Trigger", trigger);
        }
        MvcTestResult result = request.exchange();
        assertThat(result).hasStatusOk();
        return result;
    }

    // ---- the tests -------------------------------------------------------------------------------------------------

    @Test
    void wordsAreRankedAndTheFacetsCountEveryHit() {
        Library lib = library("Library search");
        MockHttpSession session = web.signIn(lib.owner());

        String page = web.page(session, "/assets?q=run");
        // the title weighs more than the description, though the description's asset is newer
        assertThat(names(page)).containsExactly("alpha-line", "beta-copy");
        assertThat(page).contains("2 assets").contains("id=\"asset-facets\"").contains("<summary>Narrow down</summary>")
                .containsPattern("<option value=\"\" selected=\"selected\">Best match</option>");
        assertThat(counts(page, "type")).containsOnly(entry("Headline", 1L), entry("Description", 1L));
        assertThat(counts(page, "tag")).containsExactly(entry("running", 2L), entry("sale", 1L));
        assertThat(counts(page, "platform")).containsOnly(entry("Meta", 1L), entry("TikTok", 1L));
        assertThat(counts(page, "space")).containsOnly(entry("Trail – Meta", 1L), entry("Trail – TikTok", 1L));
        assertThat(facets(page, "tag")).noneMatch(Facet::selected);

        // newest first on request; without words, newest first is the default and everything is counted
        assertThat(names(web.page(session, "/assets?q=run&sort=newest"))).containsExactly("beta-copy", "alpha-line");
        String all = web.page(session, "/assets");
        assertThat(names(all)).containsExactly("gamma-cafe", "sunset.png", "beta-copy", "alpha-line");
        assertThat(counts(all, "type")).containsOnly(entry("Headline", 2L), entry("Description", 1L), entry("Image", 1L));
        assertThat(counts(all, "tag")).containsOnly(entry("running", 2L), entry("sale", 2L), entry("coffee", 1L));
        assertThat(counts(all, "space")).containsOnly(entry("Trail – Meta", 2L), entry("Trail – TikTok", 1L));

        // the search box also finds part of a file name, which the word index keeps whole
        assertThat(names(web.page(session, "/assets?q=unse"))).containsExactly("sunset.png");

        // nothing found: say so, with the way back
        String none = web.page(session, "/assets?q=zebra&tag=sale");
        assertThat(none).contains("No assets match “zebra” with these filters.").contains("Clear the filters")
                .contains("href=\"/assets?q=zebra\"").contains("Nothing to count: no asset matches.");
        assertThat(names(none)).isEmpty();
    }

    @Test
    void facetLinksAddAndRemoveAFilterAndKeepTheRest() {
        Library lib = library("Library facet links");
        MockHttpSession session = web.signIn(lib.owner());

        String page = web.page(session, "/assets?view=list&q=run");
        assertThat(facet(page, "tag", "sale").href()).isEqualTo("/assets?view=list&q=run&tag=sale");
        assertThat(facet(page, "type", "Headline").href()).isEqualTo("/assets?view=list&q=run&type=HEADLINE");
        assertThat(facet(page, "platform", "TikTok").href()).isEqualTo("/assets?view=list&q=run&platform=TIKTOK");
        assertThat(facet(page, "space", "Trail – Meta").href()).isEqualTo("/assets?view=list&q=run&spaceId=" + lib.meta());

        // a tag narrows to exactly its count, and every count follows
        String sale = web.page(session, "/assets?view=list&q=run&tag=sale");
        assertThat(names(sale)).containsExactly("beta-copy");
        assertThat(sale).contains("1 asset<").contains("<table");
        assertThat(facet(sale, "tag", "sale")).satisfies(f -> {
            assertThat(f.selected()).isTrue();
            assertThat(f.count()).isEqualTo(1L);
            assertThat(f.href()).isEqualTo("/assets?view=list&q=run");
        });
        assertThat(counts(sale, "type")).containsExactly(entry("Description", 1L));
        assertThat(counts(sale, "platform")).containsExactly(entry("TikTok", 1L));
        assertThat(chips(sale)).containsExactly(entry("Tag: sale", "/assets?view=list&q=run"));
        assertThat(sale).contains("id=\"f-tag\" name=\"tag\" value=\"sale\""); // the form's tag field shows it

        // types are any of: the chosen one is counted, the others are offered to add
        String headlines = web.page(session, "/assets?q=run&type=HEADLINE");
        assertThat(names(headlines)).containsExactly("alpha-line");
        assertThat(facets(headlines, "type")).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("Headline");
            assertThat(f.selected()).isTrue();
            assertThat(f.count()).isEqualTo(1L);
        });
        assertThat(headlines).contains("Also:").contains("<a id=\"facet-type-also-DESCRIPTION\" href=\"/assets?q=run&amp;type=HEADLINE&amp;type=DESCRIPTION\"");
        String both = web.page(session, "/assets?q=run&type=HEADLINE&type=DESCRIPTION");
        assertThat(names(both)).containsExactly("alpha-line", "beta-copy");
        assertThat(counts(both, "type")).containsOnly(entry("Headline", 1L), entry("Description", 1L));
        assertThat(chips(both)).containsExactly(entry("Type: Headline", "/assets?q=run&type=DESCRIPTION"),
                entry("Type: Description", "/assets?q=run&type=HEADLINE"));
        // the type select shows the two as one choice, so that the form sends them on
        assertThat(both).contains("<option value=\"HEADLINE,DESCRIPTION\" selected=\"selected\">Headline or Description</option>");
        assertThat(names(web.page(session, "/assets?q=run&type=HEADLINE,DESCRIPTION"))).containsExactly("alpha-line", "beta-copy");

        // platforms are any of, and ride along in the form as hidden fields; one space at a time
        String meta = web.page(session, "/assets?platform=META");
        assertThat(names(meta)).containsExactly("sunset.png", "alpha-line");
        assertThat(facets(meta, "platform")).extracting(Facet::label).containsExactly("Meta");
        assertThat(meta).contains("<input type=\"hidden\" name=\"platform\" value=\"META\">")
                .contains("id=\"facet-platform-also-TIKTOK\"");
        String inSpace = web.page(session, "/assets?spaceId=" + lib.tiktok());
        assertThat(facets(inSpace, "space")).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("Trail – TikTok");
            assertThat(f.selected()).isTrue();
            assertThat(f.href()).isEqualTo("/assets");
        });
        assertThat(chips(inSpace)).containsExactly(entry("Space: Trail – TikTok", "/assets"));
    }

    @Test
    void htmxGetsTheResultsWithTheFacetsChipsAndFieldsAndTheAddress() {
        Library lib = library("Library htmx");
        MockHttpSession session = web.signIn(lib.owner());

        // a facet link: everything that describes the list comes along, the form's fields too
        MvcTestResult facet = htmx(session, "/assets?q=run&tag=sale", null);
        assertThat(facet).headers().hasValue("HX-Push-Url", "/assets?q=run&tag=sale");
        assertThat(facet).bodyText().contains("id=\"asset-results\"").doesNotContain("<html")
                .contains("id=\"asset-facets\" class=\"asset-facets\" hx-swap-oob=\"true\"")
                .contains("id=\"asset-chips\" class=\"asset-chips\" hx-swap-oob=\"true\"")
                .contains("id=\"asset-filter-fields\" class=\"filter-fields\" hx-swap-oob=\"true\"")
                .contains("id=\"f-tag\" name=\"tag\" value=\"sale\"");

        // the form: its own fields stay as typed; the address is tidied
        MvcTestResult form = htmx(session, "/assets?view=grid&q=run&sort=&type=&tag=&campaignId=&spaceId=", "asset-filters");
        assertThat(form).headers().hasValue("HX-Push-Url", "/assets?q=run");
        assertThat(form).bodyText().contains("id=\"asset-facets\" class=\"asset-facets\" hx-swap-oob=\"true\"")
                .doesNotContain("id=\"asset-filter-fields\"").doesNotContain("role=\"search\"");
        assertThat(names(Json.body(form))).containsExactly("alpha-line", "beta-copy");

        // the results reloading themselves after an upload: no new history entry, no fields
        MvcTestResult reload = htmx(session, "/assets?q=run", "asset-results");
        assertThat(reload).headers().doesNotContainHeader("HX-Push-Url");
        assertThat(reload).bodyText().doesNotContain("id=\"asset-filter-fields\"").contains("id=\"asset-facets\"");
    }

    @Test
    void theDatabaseAnswersItsOwnOrdersAndFiltersWithoutCounts() {
        Library lib = library("Library database");
        LocalDate today = LocalDate.now(clock);
        copy(lib.owner(), null, "delta-expiring", "HEADLINE", "Run for it", null, today.plusDays(10), "sale");
        copy(lib.owner(), null, "epsilon-later", "HEADLINE", "Run later", null, today.plusDays(90), "sale");
        MockHttpSession session = web.signIn(lib.owner());

        String byName = web.page(session, "/assets?sort=name");
        assertThat(names(byName)).containsExactly("alpha-line", "beta-copy", "delta-expiring", "epsilon-later",
                "gamma-cafe", "sunset.png");
        assertThat(byName).contains("Counts by type, tag, platform and space show with the Best match or Newest order")
                .doesNotContain("class=\"facet-value").contains("<option value=\"name\" selected=\"selected\">Name (A–Z)</option>");

        // words go to file names there, and the note says so; tags still apply
        String words = web.page(session, "/assets?q=A-L&sort=name&tag=running");
        assertThat(names(words)).containsExactly("alpha-line");
        assertThat(words).contains("the search finds file names only.");

        String expiring = web.page(session, "/assets?expiring=true");
        assertThat(names(expiring)).containsExactly("delta-expiring");
        assertThat(chips(expiring)).containsExactly(entry("Rights ending within 30 days", "/assets"));
        assertThat(expiring).doesNotContain("class=\"facet-value");

        // a platform is the index's: with one, the database's options stand down, and the page says so
        String both = web.page(session, "/assets?platform=META&sort=name&expiring=true");
        assertThat(names(both)).containsExactly("sunset.png", "alpha-line");
        assertThat(both).contains("combine with a platform").contains("class=\"facet-value")
                .contains("<option value=\"name\" disabled=\"disabled\">Name (A–Z)</option>");
        assertThat(chips(both)).containsOnlyKeys("Platform: Meta");
        MvcTestResult htmx = htmx(session, "/assets?platform=META&sort=name", "asset-filters");
        assertThat(htmx).headers().hasValue("HX-Push-Url", "/assets?platform=META");
        assertThat(htmx).bodyText().contains("id=\"asset-filter-fields\""); // the form is told what stood down
    }

    @Test
    void anotherWorkspacesAssetsAreNeverListedOrCounted() {
        Library ours = library("Library tenancy ours");
        Library theirs = library("Library tenancy theirs");
        copy(theirs.owner(), theirs.meta(), "their-run", "HEADLINE", "Run run run", null, null, "running", "sale");
        MockHttpSession session = web.signIn(ours.owner());

        String page = web.page(session, "/assets?q=run");
        assertThat(names(page)).containsExactly("alpha-line", "beta-copy");
        assertThat(counts(page, "tag")).containsExactly(entry("running", 2L), entry("sale", 1L));
        assertThat(counts(page, "type")).containsOnly(entry("Headline", 1L), entry("Description", 1L));
        assertThat(counts(page, "space")).containsOnly(entry("Trail – Meta", 1L), entry("Trail – TikTok", 1L));
        assertThat(page).doesNotContain(theirs.meta()).doesNotContain("their-run");

        // their space in our address finds nothing and names nothing of theirs
        String theirSpace = web.page(session, "/assets?spaceId=" + theirs.meta());
        assertThat(names(theirSpace)).isEmpty();
        assertThat(theirSpace).contains("No asset matches").doesNotContain("Trail – Meta</span>");
    }
}
