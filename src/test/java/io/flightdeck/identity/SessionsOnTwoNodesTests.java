package io.flightdeck.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TwoNodes;
import io.flightdeck.support.TwoNodes.Browser;
import io.flightdeck.support.TwoNodes.Cluster;
import io.flightdeck.support.TwoNodes.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Any node serves any request: the web UI's session lives in the shared database, so a browser signed in through node
 * A keeps working through node B (a page, a form with its CSRF token, the flash message the form leaves), and
 * signing out on one node ends the session on both. No sticky sessions needed.
 */
@ExtendWith(TwoNodes.class)
class SessionsOnTwoNodesTests {

    private final Node nodeA;
    private final Node nodeB;

    SessionsOnTwoNodesTests(Cluster nodes) {
        this.nodeA = nodes.a();
        this.nodeB = nodes.b();
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** A new account and workspace, signed up through node A's form: the browser is signed in there. */
    private String signUpThroughNodeA(Browser browser, String name) throws Exception {
        String email = TestWorkspaces.uniqueEmail("nodes");
        HttpResponse<String> signedUp = browser.post(nodeA, "/signup", form("_csrf", Browser.csrf(browser.get(nodeA, "/signup")),
                "displayName", name, "email", email, "password", TestWorkspaces.PASSWORD, "workspaceName", name + " Inc",
                "timeZone", "UTC"));
        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(302);
        return email;
    }

    @Test
    void aBrowserSignedInThroughNodeAKeepsWorkingThroughNodeB() throws Exception {
        Browser browser = new Browser();
        String email = signUpThroughNodeA(new Browser(), "Ada Nodes");
        browser.signIn(nodeA, email);

        HttpResponse<String> profile = browser.get(nodeB, "/profile");
        assertThat(profile.body()).contains("Ada Nodes");
        // a form on node B with the token of the session node A opened; its flash message waits for the next page
        HttpResponse<String> saved = browser.post(nodeB, "/profile", form("_csrf", Browser.csrf(profile),
                "displayName", "Ada Both Nodes", "timeZone", "Europe/Paris"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/profile"));

        HttpResponse<String> back = browser.get(nodeA, "/profile");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("Profile saved").contains("Ada Both Nodes");
    }

    @Test
    void signingOutOnOneNodeEndsTheSessionOnBoth() throws Exception {
        Browser browser = new Browser();
        String email = signUpThroughNodeA(new Browser(), "Sam Signout");
        browser.signIn(nodeA, email);
        assertThat(browser.get(nodeB, "/profile").statusCode()).isEqualTo(200);

        HttpResponse<String> out = browser.post(nodeB, "/logout", form("_csrf", Browser.csrf(browser.get(nodeB, "/profile"))));
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?signedOut"));

        for (Node node : new Node[] {nodeA, nodeB}) {
            HttpResponse<String> page = browser.get(node, "/profile");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        }
    }

    @Test
    void expiredSessionsAreDeleted() throws Exception {
        Browser browser = new Browser();
        String email = signUpThroughNodeA(new Browser(), "Eve Expired");
        browser.signIn(nodeB, email);
        JdbcClient db = JdbcClient.create(nodeA.context().getBean(DataSource.class));
        assertThat(db.sql("select count(*) from spring_session where principal_name = ?").param(email).query(Long.class)
                .single()).isPositive();

        // as if the browsers had left them alone past the timeout: each node's clean-up (here every second) deletes it
        db.sql("update spring_session set expiry_time = ? where principal_name = ?")
                .params(System.currentTimeMillis() - 1, email).update();
        await().atMost(Duration.ofSeconds(5)).until(() -> db.sql("select count(*) from spring_session where principal_name = ?")
                .param(email).query(Long.class).single() == 0);
        assertThat(db.sql("select count(*) from spring_session_attributes a where not exists (select 1 from spring_session s "
                + "where s.primary_id = a.session_primary_id)").query(Long.class).single()).isZero();
        assertThat(browser.get(nodeA, "/profile").statusCode()).isEqualTo(302);
    }
}
