package io.flightdeck.content.brands;

import java.util.List;

/**
 * The brand a piece is written for, as a generator needs it. {@link #none()} when a campaign has no brand.
 *
 * @param voice        how the brand speaks, in the brand's words ("warm, plain, a little wry")
 * @param wordsToUse   words and phrases the brand likes to see
 * @param wordsToAvoid words a generator must never write (the brand check flags them too)
 * @param hashtags     default hashtags, each with its '#'
 * @param legalFooter  a line that must close a caption or an email; may be null
 */
public record BrandVoice(String name, String voice, List<String> wordsToUse, List<String> wordsToAvoid,
        List<String> hashtags, String legalFooter) {

    public BrandVoice {
        wordsToUse = wordsToUse == null ? List.of() : List.copyOf(wordsToUse);
        wordsToAvoid = wordsToAvoid == null ? List.of() : List.copyOf(wordsToAvoid);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }

    public static BrandVoice none() {
        return new BrandVoice(null, null, List.of(), List.of(), List.of(), null);
    }
}
