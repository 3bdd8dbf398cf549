package io.flightdeck.email.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.flightdeck.email.tracking.WebLink;
import io.flightdeck.shared.InvalidInputException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The links of an email's HTML, checked the one way the send reads them ({@link WebLink}, the WHATWG URL Standard), so
 * a link that is saved, previewed and tested is one the send can track. A web link may hold merge fields
 * ({@code https://shop.example/?who={{email}}}): its fixed parts are checked with each field standing for a plain
 * word. A link that is nothing but a merge field ({@code {{unsubscribe_url}}}) is checked per recipient when it is
 * filled, as before; script addresses are refused outright, although the sanitiser would drop them, because a link
 * that silently vanishes is not what its author meant.
 */
final class EmailLinks {

    /** Schemes that run something rather than open a page. */
    private static final Set<String> SCRIPT_SCHEMES = Set.of("javascript", "vbscript", "data");
    private static final int SHOWN = 120;

    private EmailLinks() {
    }

    /** Refuses the first link the send could not track, naming it (400 on {@code field}). */
    static void check(String html, String field) {
        List<String> problems = problems(html);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(field, problems.get(0));
        }
    }

    /** Each link the send could not track, in words that name it; empty when every link is fine. */
    static List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        for (Element link : Jsoup.parse(html == null ? "" : html).select("a[href]")) {
            String href = link.attr("href").strip();
            problem(href).ifPresent(why -> problems.add("The link “" + shown(href) + "” cannot be sent: " + why));
        }
        return problems;
    }

    /** Why a link's address cannot be sent as it is written; empty when it can (or is not a web link at all). */
    static Optional<String> problem(String href) {
        String scheme = scheme(href);
        if (SCRIPT_SCHEMES.contains(scheme)) {
            return Optional.of("a " + scheme + ": address runs a script rather than opening a page.");
        }
        if (!WebLink.isWeb(href)) {
            return Optional.empty(); // mailto:, a merge field standing for the whole address, or what the sanitiser drops
        }
        try {
            WebLink.parse(HtmlSanitiser.MERGE_TAG.matcher(href).replaceAll("x"), "href");
            return Optional.empty();
        } catch (InvalidInputException e) {
            String why = e.getMessage();
            return Optional.of(Character.toLowerCase(why.charAt(0)) + why.substring(1)
                    + (why.endsWith(".") ? "" : "."));
        }
    }

    private static String scheme(String href) {
        String cleaned = href.replaceAll("[\\s\\x00-\\x1f]", "");
        int colon = cleaned.indexOf(':');
        return colon <= 0 ? "" : cleaned.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static String shown(String href) {
        return href.length() > SHOWN ? href.substring(0, SHOWN) + "…" : href;
    }
}
