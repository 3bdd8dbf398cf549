package io.flightdeck.email.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.flightdeck.email.tracking.WebLink;
import io.flightdeck.shared.InvalidInputException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An email prepared once for a send (or a test send, which goes the same way) with its web links made trackable: each
 * web link's address becomes a merge field ({@code click_0}, {@code click_1}, …) that each recipient's message fills
 * with their own signed redirect. A link with merge fields in it ({@code https://shop.example/?who={{email}}},
 * {@code {{website}}/offer}) is filled for the recipient first, exactly as the HTML would fill it, and then signed. Links that are nothing but a
 * merge field (the unsubscribe and preference links) and mailto links are left alone: a person's way out is never
 * routed through a redirect.
 * <p>
 * One link never fails a message: a link whose address cannot be read ({@link WebLink}) is left as it is written, and
 * one that cannot be signed once filled for a recipient goes to them as filled, untracked; both are reported to the
 * caller, who logs them.
 */
public final class TrackedEmail {

    /** A recipient's click address for a link, {@code target} being that link as filled for them. */
    @FunctionalInterface
    public interface Clicks {
        String url(int index, WebLink target);
    }

    /**
     * A link that goes out untracked, and why.
     *
     * @param index the link's index among the tracked ones, or -1 for a link left untracked for every recipient
     */
    public record Untracked(int index, String reason) {

        /** The reason without the address (filled for a recipient, it may hold their data), for a log line. */
        public String loggable() {
            String invalid = "Not a valid web address";
            return reason.regionMatches(true, 0, invalid, 0, invalid.length()) ? invalid : reason;
        }
    }

    private final PreparedEmail content;
    private final List<MergeTemplate> targets;
    private final List<Untracked> untracked;

    private TrackedEmail(PreparedEmail content, List<MergeTemplate> targets, List<Untracked> untracked) {
        this.content = content;
        this.targets = targets;
        this.untracked = untracked;
    }

    /** Sanitised and checked as {@link EmailRendering#prepare} does; a bad merge tag is refused as there. */
    public static TrackedEmail prepare(EmailContent content) {
        Document document = Jsoup.parse(EmailHtml.sanitise(content.html()));
        document.outputSettings().prettyPrint(false);
        List<MergeTemplate> targets = new ArrayList<>();
        List<Untracked> untracked = new ArrayList<>();
        for (Element link : document.select("a[href]")) {
            String href = link.attr("href").strip();
            // a web address, or one that starts with a merge field and goes on (its fill decides); never one that is
            // nothing but a merge field: that is the unsubscribe or preferences link, or a contact's own address
            boolean fieldFirst = href.startsWith("{{") && !HtmlSanitiser.MERGE_TAG.matcher(href).matches();
            if (!WebLink.isWeb(href) && !fieldFirst) {
                continue;
            }
            Optional<String> problem = EmailLinks.problem(href);
            if (problem.isPresent()) {
                untracked.add(new Untracked(-1, problem.get()));
                continue;
            }
            link.attr("href", "{{click_" + targets.size() + "}}");
            targets.add(MergeTemplate.address(href, "html"));
        }
        PreparedEmail prepared = EmailRendering.prepare(new EmailContent(content.subject(), content.preheader(),
                document.outerHtml()));
        return new TrackedEmail(prepared, List.copyOf(targets), List.copyOf(untracked));
    }

    /** How many links are tracked. */
    public int links() {
        return targets.size();
    }

    /** The links left untracked for everyone, because their address cannot be read. */
    public List<Untracked> untracked() {
        return untracked;
    }

    /**
     * The email for one recipient with their click addresses; {@code onUntracked} hears of each link that goes to them
     * untracked (its address, filled for them, could not be signed).
     */
    public RenderedEmail render(Map<String, String> contactValues, EmailFooter footer, Clicks clicks,
            Consumer<Untracked> onUntracked) {
        Map<String, String> values = contactValues == null ? new HashMap<>() : new HashMap<>(contactValues);
        Map<String, String> system = PreparedEmail.system(footer);
        for (int i = 0; i < targets.size(); i++) {
            String filled = targets.get(i).render(values, system);
            String address;
            if (!WebLink.isWeb(filled)) {
                values.put("click_" + i, filled); // a field filled with a mailto address, or with nothing
                continue;
            }
            try {
                address = clicks.url(i, WebLink.parse(filled, "href"));
            } catch (InvalidInputException e) {
                address = filled;
                onUntracked.accept(new Untracked(i, e.getMessage()));
            }
            values.put("click_" + i, address);
        }
        return content.render(values, footer);
    }
}
