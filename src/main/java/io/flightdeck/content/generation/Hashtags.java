package io.flightdeck.content.generation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.PlatformLimits;

/** The built-in generator's hashtags: the brand's own first, then the topic, pillars and campaign in camel case. */
final class Hashtags {

    private Hashtags() {
    }

    static String write(GenerationRequest r, PlatformLimits limits, SplittableRandom random) {
        Set<String> tags = new LinkedHashSet<>(r.brand().hashtags());
        List<String> sources = new ArrayList<>(r.brief().contentPillars());
        if (r.brief().topic() != null) {
            sources.add(0, r.brief().topic());
        }
        if (r.brief().campaignName() != null) {
            sources.add(r.brief().campaignName());
        }
        for (String source : sources) {
            String tag = camel(source);
            if (tag.length() > 1 && tag.length() <= 30) {
                tags.add("#" + tag);
            }
        }
        int max = limits.maxHashtags() > 0 ? Math.min(limits.maxHashtags(), 8) : r.channel() == Channel.TWITTER ? 2 : 5;
        List<String> ordered = new ArrayList<>(tags);
        // the brand's own tags stay first; the rest in an order of the seed's choosing
        int fixed = Math.min(r.brand().hashtags().size(), ordered.size());
        List<String> rest = new ArrayList<>(ordered.subList(fixed, ordered.size()));
        for (int i = rest.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = rest.get(i);
            rest.set(i, rest.get(j));
            rest.set(j, t);
        }
        List<String> all = new ArrayList<>(ordered.subList(0, fixed));
        all.addAll(rest);
        return String.join(" ", all.subList(0, Math.min(max, all.size())));
    }

    static String camel(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && out.length() < 40) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }
}
