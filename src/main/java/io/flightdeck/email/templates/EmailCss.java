package io.flightdeck.email.templates;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CSS that email may carry: the declarations of a style attribute filtered to properties that lay out and colour an
 * email, with values that load nothing but https images and run nothing; a style block is kept whole or dropped whole.
 * Old Internet Explorer ran {@code expression()} and {@code behavior}, old Firefox {@code -moz-binding}, and some
 * webmail clients still show what a {@code url(javascript:)} would open, so these never pass.
 */
final class EmailCss {

    private static final Set<String> PROPERTIES = Set.of("color", "background", "background-color",
            "background-image", "background-position", "background-repeat", "background-size", "border",
            "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-style",
            "border-width", "border-radius", "border-collapse", "border-spacing", "padding", "padding-top",
            "padding-right", "padding-bottom", "padding-left", "margin", "margin-top", "margin-right", "margin-bottom",
            "margin-left", "width", "min-width", "max-width", "height", "min-height", "max-height", "font",
            "font-family", "font-size", "font-style", "font-weight", "font-variant", "line-height", "text-align",
            "text-decoration", "text-transform", "text-indent", "letter-spacing", "word-spacing", "vertical-align",
            "display", "table-layout", "word-break", "word-wrap", "overflow-wrap", "white-space", "direction",
            "opacity", "box-sizing", "object-fit", "list-style", "list-style-type", "list-style-position", "overflow",
            "float", "clear", "color-scheme", "text-size-adjust", "-webkit-text-size-adjust",
            "-ms-text-size-adjust", "-ms-interpolation-mode", "mso-line-height-rule", "mso-table-lspace",
            "mso-table-rspace", "mso-padding-alt", "mso-hide", "mso-font-width", "mso-text-raise");

    /** Anything that runs script or loads from elsewhere in old or odd clients. */
    private static final Pattern DANGER = Pattern.compile(
            "expression\\s*\\(|javascript\\s*:|vbscript\\s*:|behavior\\s*:|-moz-binding|@import|\\\\|<|/\\*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("url\\s*\\(\\s*['\"]?([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);

    private EmailCss() {
    }

    /** What a style attribute says, less what email must not carry; the dropped property names go to {@code dropped}. */
    static String filterDeclarations(String style, java.util.List<String> dropped) {
        StringBuilder kept = new StringBuilder();
        for (String declaration : style.split(";")) {
            if (declaration.isBlank()) {
                continue;
            }
            int colon = declaration.indexOf(':');
            String property = colon < 0 ? declaration.strip() : declaration.substring(0, colon).strip()
                    .toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : declaration.substring(colon + 1).strip();
            if (colon < 0 || value.isEmpty() || !PROPERTIES.contains(property) || !safeValue(value)) {
                dropped.add(property.isEmpty() ? "?" : property);
                continue;
            }
            if (kept.length() > 0) {
                kept.append("; ");
            }
            kept.append(property).append(": ").append(value);
        }
        return kept.toString();
    }

    /** Whether a style block may stay: nothing dangerous anywhere in it, and images only over https. */
    static boolean safeBlock(String css) {
        return safeValue(css);
    }

    private static boolean safeValue(String value) {
        if (DANGER.matcher(value).find()) {
            return false;
        }
        var urls = URL.matcher(value);
        while (urls.find()) {
            if (!urls.group(1).toLowerCase(Locale.ROOT).startsWith("https://")) {
                return false;
            }
        }
        return true;
    }
}
