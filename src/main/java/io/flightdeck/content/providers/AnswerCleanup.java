package io.flightdeck.content.providers;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.flightdeck.content.generation.GenerationRequest;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.generation.BuiltInGenerator;
import io.flightdeck.content.generation.LengthFitter;

/**
 * A model's answer made fit to use: the chatter models add ("Here is your caption:", quotation marks, Markdown fences
 * and bold) goes, and the text is held to the same rules as the built-in generator's: the legal footer closes a
 * caption, the network's limit is kept by whole sentences, hashtags are hashtags and no more than the network takes.
 */
final class AnswerCleanup {

    private AnswerCleanup() {
    }

    public static String clean(String answer, GenerationRequest request) {
        String text = tidy(answer);
        PlatformLimits limits = PlatformLimits.of(request.channel());
        return switch (request.kind()) {
            case CAPTION, REPURPOSE -> BuiltInGenerator.withFooter(withoutFooter(text, request), request.brand(),
                    limits.maxChars());
            case EMAIL_BODY -> BuiltInGenerator.withFooter(withoutFooter(text, request), request.brand(), 0);
            case HEADLINE, EMAIL_SUBJECT -> LengthFitter.fit(firstLine(text).replaceAll("[.]$", ""),
                    limits.headlineMax() > 0 ? limits.headlineMax() : 90);
            case CTA -> firstLine(text).replaceAll("[.!]$", "");
            case HASHTAGS -> hashtags(text, limits);
            case SCRIPT -> text;
            case STRATEGY_DRAFT -> text.replaceAll("(?s)^[^{]*", "").replaceAll("(?s)}[^}]*$", "}");
        };
    }

    static String tidy(String answer) {
        String t = answer == null ? "" : answer.strip();
        t = t.replaceAll("(?s)^```[a-zA-Z]*\\n(.*?)\\n```$", "$1").strip();
        t = t.replaceFirst("(?i)^(sure[,!.]?\\s*)?(here('s| is| are)[^\\n]*?:)\\s*", "").strip();
        t = t.replace("**", "").replace("__", "");
        if (t.length() > 1 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("“") && t.endsWith("”"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** The model may have written the footer itself: it is put back once, exactly. */
    private static String withoutFooter(String text, GenerationRequest request) {
        String footer = request.brand().legalFooter();
        return footer == null ? text : text.replace(footer, "").strip();
    }

    private static String firstLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("")
                .replaceAll("^[\"“]|[\"”]$", "");
    }

    private static String hashtags(String text, PlatformLimits limits) {
        int max = limits.maxHashtags() > 0 ? limits.maxHashtags() : 10;
        Set<String> tags = Arrays.stream(text.split("[\\s,]+")).map(String::strip)
                .map(t -> t.replaceAll("[^#\\p{L}\\p{N}_]", "")).filter(t -> t.replace("#", "").length() > 1)
                .map(t -> "#" + t.replace("#", "")).collect(Collectors.toCollection(LinkedHashSet::new));
        return tags.stream().limit(max).collect(Collectors.joining(" "));
    }
}
