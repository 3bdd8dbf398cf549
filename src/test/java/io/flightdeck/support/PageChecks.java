package io.flightdeck.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;

/**
 * What every page must pass, checked in the browser: no serious or critical axe-core violation, no sideways
 * scrolling, and nothing the Content-Security-Policy refused (an inline style or script, an eval, a frame). axe-core comes from npm, pinned in {@code src/test/axe/package.json} and its lock file; the first use
 * runs {@code npm ci} there (the test is skipped, with the reason, when npm is missing; CI installs it).
 * {@link #install(BrowserContext)} adds axe to every page the context opens; {@link #settle(Page)} waits for the
 * page's htmx requests (panels that load themselves) to finish before anything is analysed.
 */
public final class PageChecks {

    private static final Path AXE_DIR = Path.of("src/test/axe");

    /** Counts the page's htmx requests, so that {@link #settle(Page)} knows when the panels have arrived. */
    private static final String HTMX_TRACKER = """
            window.__fdHtmx = {pending: 0, last: 0};
            ['htmx:beforeRequest', 'htmx:afterRequest', 'htmx:afterSettle', 'htmx:load'].forEach(function (name) {
              document.addEventListener(name, function () {
                if (name === 'htmx:beforeRequest') { window.__fdHtmx.pending++; }
                if (name === 'htmx:afterRequest') { window.__fdHtmx.pending = Math.max(0, window.__fdHtmx.pending - 1); }
                window.__fdHtmx.last = performance.now();
              });
            });""";

    /**
     * Waits until no htmx request is in flight and none started or settled for a short while, and no swapped-in element
     * still waits for htmx to process it: htmx wires new content's triggers only when it settles, so a change made to a
     * form before then is lost.
     */
    private static final String SETTLED = """
            () => document.readyState === 'complete' && window.__fdHtmx && window.__fdHtmx.pending === 0
                && performance.now() - window.__fdHtmx.last > 150
                && !document.querySelector('.htmx-added, .htmx-settling')""";

    /**
     * axe-core with its WCAG A and AA rules and best practices, plus label-content-name-mismatch (WCAG 2.5.3, "Label
     * in Name"), which axe ships switched off as experimental. Answers the serious and critical violations, one line
     * per rule: rule id, impact, how many elements, the first targets, and what fails on the first.
     */
    private static final String RUN_AXE = """
            async () => {
              const results = await axe.run(document, {
                resultTypes: ['violations'],
                rules: {'label-content-name-mismatch': {enabled: true}}
              });
              const found = [];
              for (const v of results.violations) {
                if (v.impact !== 'serious' && v.impact !== 'critical') { continue; }
                const targets = v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')
                    + (v.nodes.length > 3 ? ' | and ' + (v.nodes.length - 3) + ' more' : '');
                const why = (v.nodes[0].failureSummary || v.help).replace(/\\s+/g, ' ').slice(0, 200);
                found.push(v.id + ' (' + v.impact + ', ' + v.nodes.length + ' elements) at ' + targets + ' -- ' + why);
              }
              return found;
            }""";

    /**
     * Sideways scrolling: the document wider than the window. Names the elements that stick out themselves (none of
     * their children reaches as far), widest first, leaving out those inside a container that scrolls or clips on its
     * own (a board in its frame does not move the page) and the content of closed {@code <details>}.
     */
    private static final String OVERFLOW = """
            () => {
              const root = document.documentElement;
              const width = root.clientWidth;
              if (root.scrollWidth <= width) { return null; }
              // a scrolling ancestor clips only what it contains: an absolutely placed element (an .sr-only text, say)
              // escapes every scroller below its containing block, and so widens the page
              const clipped = el => {
                const position = getComputedStyle(el).position;
                if (position === 'fixed') { return false; }
                let p = position === 'absolute' ? el.offsetParent : el.parentElement;
                for (; p && p !== document.body && p !== root; p = p.parentElement) {
                  if (getComputedStyle(p).overflowX !== 'visible') { return true; }
                }
                return false;
              };
              const hidden = el => {
                const closed = el.closest('details:not([open])');
                return closed !== null && !el.closest('summary');
              };
              const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + (typeof el.className === 'string' && el.className.trim()
                      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
              const right = el => el.getBoundingClientRect().right;
              const sticksOut = el => {
                const box = el.getBoundingClientRect();
                if (box.width === 0 || box.right <= width + 0.5 || hidden(el) || clipped(el)) { return false; }
                return getComputedStyle(el).position !== 'fixed';
              };
              const culprits = [];
              for (const el of document.body.querySelectorAll('*')) {
                if (!sticksOut(el)) { continue; }
                const edge = right(el);
                if ([...el.children].some(child => sticksOut(child) && right(child) >= edge - 0.5)) { continue; }
                culprits.push({el: el, right: edge});
              }
              culprits.sort((a, b) => b.right - a.right);
              return 'page is ' + root.scrollWidth + ' px wide in a ' + width + ' px window; sticking out: '
                  + culprits.slice(0, 5).map(c => name(c.el) + ' (right edge ' + Math.round(c.right) + ')').join(', ')
                  + (culprits.length > 5 ? ' and ' + (culprits.length - 5) + ' more' : '');
            }""";

    /**
     * Collects the page's Content-Security-Policy violations (each frame its own, the email previews' too) into
     * window.__cspViolations: the directive, what was refused and where.
     */
    private static final String CSP_RECORDER = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__cspViolations.push(e.violatedDirective + ' refused ' + (e.blockedURI || 'inline')
                  + (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : '')
                  + (e.sample ? ' (' + e.sample + ')' : ''));
            });""";

    /** What the browser's console said about refused content, by page, since the page's last check. */
    private static final Map<Page, List<String>> REFUSALS = Collections.synchronizedMap(new WeakHashMap<>());

    private static String axeSource;

    private PageChecks() {
    }

    /**
     * Adds axe-core, the htmx request counter and the Content-Security-Policy recorder to every page the context opens
     * from now on, and listens to the console for what the policy refused.
     */
    public static void install(BrowserContext context) {
        context.addInitScript(axe());
        context.addInitScript(HTMX_TRACKER);
        context.addInitScript(CSP_RECORDER);
        context.onConsoleMessage(message -> {
            String text = message.text();
            if (message.page() != null && (text.contains("Content Security Policy") || text.contains("Refused to"))) {
                REFUSALS.computeIfAbsent(message.page(), p -> Collections.synchronizedList(new ArrayList<>())).add(text);
            }
        });
    }

    /**
     * What the Content-Security-Policy refused on the page since it was last asked: the console's refusals and each
     * frame's securitypolicyviolation events. Asking empties the console's list.
     */
    @SuppressWarnings("unchecked")
    public static List<String> cspViolations(Page page) {
        Set<String> found = new LinkedHashSet<>();
        List<String> console = REFUSALS.remove(page);
        if (console != null) {
            found.addAll(console);
        }
        for (Frame frame : page.frames()) {
            try {
                Object recorded = frame.evaluate("() => window.__cspViolations || []");
                ((List<String>) recorded).forEach(v -> found.add(v + " in " + frame.url()));
            } catch (PlaywrightException e) {
                // a frame that went away, or a sandboxed one that runs no script: its refusals reach the console
            }
        }
        return new ArrayList<>(found);
    }

    /** Waits for the page's load event and then for its htmx requests to finish. */
    public static void settle(Page page) {
        page.waitForLoadState();
        page.waitForFunction(SETTLED, null, new Page.WaitForFunctionOptions().setTimeout(15_000));
    }

    /** The page's serious and critical axe-core violations: rule id, impact, target and what fails. */
    @SuppressWarnings("unchecked")
    public static List<String> axeViolations(Page page) {
        return new ArrayList<>((List<String>) page.evaluate(RUN_AXE));
    }

    /** Why the page scrolls sideways, or null when it does not. */
    public static String overflow(Page page) {
        return (String) page.evaluate(OVERFLOW);
    }

    /**
     * Opens {@code url} and answers what a page walk finds there, each problem after {@code where}: an answer other
     * than {@code status}, what the Content-Security-Policy refused, axe-core's serious and critical violations,
     * sideways scrolling.
     */
    public static List<String> problems(Page page, String url, int status, String where) {
        REFUSALS.remove(page);
        Response response = page.navigate(url);
        if (response == null || response.status() != status) {
            return List.of(where + "answered " + (response == null ? "nothing" : response.status()));
        }
        settle(page);
        List<String> problems = new ArrayList<>();
        cspViolations(page).forEach(violation -> problems.add(where + "Content-Security-Policy: " + violation));
        axeViolations(page).forEach(violation -> problems.add(where + violation));
        String overflow = overflow(page);
        if (overflow != null) {
            problems.add(where + "scrolls sideways: " + overflow);
        }
        return problems;
    }

    /** axe-core's source, installed with npm ci on first use. */
    static synchronized String axe() {
        if (axeSource == null) {
            Path axe = NpmPackages.require(AXE_DIR, "node_modules/axe-core/axe.min.js", "the page walk");
            try {
                axeSource = Files.readString(axe, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + axe, e);
            }
        }
        return axeSource;
    }
}
