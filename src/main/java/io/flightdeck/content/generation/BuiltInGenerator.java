package io.flightdeck.content.generation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.BrandVoice;
import io.flightdeck.content.ContentBrief;
import io.flightdeck.content.GeneratedText;
import io.flightdeck.content.GenerationRequest;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.TextKind;
import org.springframework.stereotype.Component;

/**
 * The offline default: writes copy from the brief, the brand and the network's rules with curated phrases
 * ({@link PhraseBook}), no keys and no network. Deterministic: the request's every field and its seed pick the phrases,
 * so the same request and seed give the same text, and changing any brief field changes it. Never writes a word the
 * brand avoids and never exceeds the network's limit.
 */
@Component
public class BuiltInGenerator {

    public static final String PROVIDER = "built-in";
    public static final String MODEL = "phrasebook-1";
    private static final int ATTEMPTS = 12;

    public GeneratedText generate(GenerationRequest request) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SplittableRandom random = new SplittableRandom(mix(request, attempt));
            String text = write(request, random);
            if (avoided(text, request.brand()) == null) {
                return done(request, text);
            }
        }
        // every phrase drawn held an avoided word: drop the sentences that do
        SplittableRandom random = new SplittableRandom(mix(request, ATTEMPTS));
        return done(request, withoutAvoided(write(request, random), request.brand()));
    }

    private static GeneratedText done(GenerationRequest request, String text) {
        return new GeneratedText(text, PROVIDER, MODEL, request.kind().name().toLowerCase(Locale.ROOT) + ".v1", 0, 0);
    }

    private String write(GenerationRequest r, SplittableRandom random) {
        Slots slots = Slots.of(r.brief(), r.brand(), random);
        Register register = Register.of(r.brief().tone());
        PlatformLimits limits = PlatformLimits.of(r.channel());
        return switch (r.kind()) {
            case CAPTION -> withFooter(caption(r.channel(), register, r.brief(), slots, random), r.brand(), limits.maxChars());
            case HASHTAGS -> hashtags(r, limits, random);
            case HEADLINE -> fitHeadline(slots.fill(pick(PhraseBook.HEADLINES.get(register), random, slots)), limits);
            case CTA -> cta(r.brief(), random);
            case SCRIPT -> script(register, slots, r.brief(), random);
            case EMAIL_SUBJECT -> fitHeadline(slots.fill(pick(PhraseBook.SUBJECTS, random, slots)), limits);
            case EMAIL_BODY -> withFooter(emailBody(register, slots, r.brief(), random), r.brand(), 0);
            case REPURPOSE -> withFooter(Repurposer.post(r.sourceText(), r.channel(), register, slots, random),
                    r.brand(), limits.maxChars());
            case STRATEGY_DRAFT -> StrategyDrafter.draft(r.brief(), r.sourceText(), random);
        };
    }

    /**
     * A hook on the topic, a line for the audience, a line on a pillar, and a close that follows the goals: each field
     * of the brief shows in the text, so changing any of them changes the caption.
     */
    private static String caption(Channel channel, Register register, ContentBrief brief, Slots slots,
            SplittableRandom random) {
        String hook = slots.fill(pick(PhraseBook.HOOKS.get(register), random, slots));
        List<String> bodies = PhraseBook.BODIES.get(register);
        String forAudience = slots.fill(pick(with(bodies, "{audience}"), random, slots, bodies));
        String onPillar = slots.fill(pick(with(without(bodies, "{audience}"), "{pillar}"), random, slots, bodies));
        String body = forAudience.equals(onPillar) ? forAudience : forAudience + " " + onPillar;
        String cta = cta(brief, random) + ".";
        if (channel == null) {
            return hook + " " + body + " " + cta;
        }
        return switch (channel) {
            case LINKEDIN -> hook + "\n\n" + forAudience + "\n\n" + onPillar + "\n\n"
                    + slots.fill(pick(PhraseBook.QUESTIONS, random, slots)) + "\n\n" + cta;
            case INSTAGRAM -> emoji(random) + " " + hook + "\n\n" + body + "\n\n" + cta + " " + emoji(random);
            case TWITTER, TIKTOK -> hook + " " + forAudience + " " + cta;
            case FACEBOOK -> hook + " " + body + "\n\n" + cta;
            default -> hook + " " + body + " " + cta;
        };
    }

    private static List<String> with(List<String> phrases, String slot) {
        return phrases.stream().filter(p -> p.contains(slot)).toList();
    }

    private static List<String> without(List<String> phrases, String slot) {
        return phrases.stream().filter(p -> !p.contains(slot)).toList();
    }

    /** A phrase from {@code preferred} that can be filled, else from {@code fallback}. */
    static String pick(List<String> preferred, SplittableRandom random, Slots slots, List<String> fallback) {
        if (!preferred.isEmpty() && preferred.stream().anyMatch(slots::canFill)) {
            return pick(preferred, random, slots);
        }
        return pick(fallback, random, slots);
    }

    private static String emailBody(Register register, Slots slots, ContentBrief brief, SplittableRandom random) {
        String heading = slots.fill(pick(PhraseBook.HEADLINES.get(register), random, slots));
        String hook = slots.fill(pick(PhraseBook.HOOKS.get(register), random, slots));
        String body = slots.fill(pick(PhraseBook.BODIES.get(register), random, slots));
        String more = slots.fill(pick(PhraseBook.BODIES.get(register), random, slots));
        return heading + "\n\n" + hook + " " + body + "\n\n" + (more.equals(body) ? "" : more + " ")
                + slots.fill(pick(PhraseBook.CLOSERS.get(register), random, slots)) + "\n\n" + cta(brief, random) + " →";
    }

    private static String script(Register register, Slots slots, ContentBrief brief, SplittableRandom random) {
        List<String> beats = new ArrayList<>(PhraseBook.SCRIPT_BEATS);
        StringBuilder s = new StringBuilder("HOOK (0–3 s): ")
                .append(slots.fill(pick(PhraseBook.HOOKS.get(register), random, slots))).append('\n');
        int second = 3;
        for (int i = 0; i < 3; i++) {
            String beat = slots.fill(pick(beats, random, slots));
            beats.remove(beat);
            s.append("BEAT ").append(i + 1).append(" (").append(second).append('–').append(second + 4).append(" s): ")
                    .append(beat).append('\n');
            second += 4;
        }
        return s.append("CTA (").append(second).append('–').append(second + 3).append(" s): ").append(cta(brief, random))
                .append('.').toString();
    }

    private static String hashtags(GenerationRequest r, PlatformLimits limits, SplittableRandom random) {
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

    /** A call to action that follows the goals (sales, leads, sign-ups, traffic, engagement, else awareness). */
    static String ctaFor(ContentBrief brief, SplittableRandom random) {
        return cta(brief, random);
    }

    private static String cta(ContentBrief brief, SplittableRandom random) {
        String goals = String.join(" ", brief.goals()).toLowerCase(Locale.ROOT);
        String key = goals.matches(".*(sale|revenue|purchase|order|buy|conversion).*") ? "sales"
                : goals.matches(".*(lead|demo|pipeline|b2b|quote).*") ? "leads"
                : goals.matches(".*(sign.?up|subscri|register|download|install).*") ? "signups"
                : goals.matches(".*(traffic|visit|click|site).*") ? "traffic"
                : goals.matches(".*(engag|community|follow|comment|share).*") ? "engagement" : "awareness";
        List<String> options = PhraseBook.CTAS.get(key);
        return options.get(random.nextInt(options.size()));
    }

    private static String fitHeadline(String text, PlatformLimits limits) {
        int max = limits.headlineMax() > 0 ? limits.headlineMax() : 90;
        return LengthFitter.length(text) <= max ? text : LengthFitter.cutAtWord(text, max);
    }

    /** The brand's legal footer closes the text; the text before it is shortened by whole sentences to make room. */
    public static String withFooter(String text, BrandVoice brand, int limit) {
        String footer = brand.legalFooter();
        if (footer == null || footer.isBlank()) {
            return limit > 0 ? LengthFitter.fit(text, limit) : text;
        }
        if (limit <= 0) {
            return text + "\n\n" + footer;
        }
        int room = limit - LengthFitter.length(footer) - 2;
        if (room <= 0) {
            return LengthFitter.fit(footer, limit);
        }
        return LengthFitter.fit(text, room) + "\n\n" + footer;
    }

    private static String emoji(SplittableRandom random) {
        return PhraseBook.EMOJIS.get(random.nextInt(PhraseBook.EMOJIS.size()));
    }

    /** A phrase whose slots all have values; the first such one from a random start. */
    static String pick(List<String> phrases, SplittableRandom random, Slots slots) {
        int start = random.nextInt(phrases.size());
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = phrases.get((start + i) % phrases.size());
            if (slots.canFill(phrase)) {
                return phrase;
            }
        }
        return phrases.get(start).replaceAll("\\{[a-z]+}", "it");
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

    /** The first avoided word the text holds, or null. */
    static String avoided(String text, BrandVoice brand) {
        for (String word : brand.wordsToAvoid()) {
            if (wholeWord(word).matcher(text).find()) {
                return word;
            }
        }
        return null;
    }

    private static String withoutAvoided(String text, BrandVoice brand) {
        StringBuilder kept = new StringBuilder();
        for (String sentence : LengthFitter.sentences(text)) {
            if (avoided(sentence, brand) == null) {
                kept.append(sentence);
            }
        }
        String out = kept.toString().strip();
        // a last resort that still never writes the word
        for (String word : brand.wordsToAvoid()) {
            out = wholeWord(word).matcher(out).replaceAll("");
        }
        return out.replaceAll(" {2,}", " ").strip();
    }

    private static Pattern wholeWord(String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A 64-bit hash of every field of the request with the seed: any change gives other phrases. */
    static long mix(GenerationRequest r, int attempt) {
        ContentBrief b = r.brief();
        BrandVoice v = r.brand();
        long h = 0x9E3779B97F4A7C15L ^ r.seed();
        for (Object part : new Object[] {r.kind(), r.channel(), b.campaignName(), b.strategyVersion(), b.goals(),
                b.targetAudience(), b.contentPillars(), b.tone(), b.constraints(), b.topic(), v.name(), v.voice(),
                v.wordsToUse(), v.wordsToAvoid(), v.hashtags(), v.legalFooter(), r.sourceText(), attempt}) {
            h = fmix(h ^ fnv(String.valueOf(part)));
        }
        return h;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Values for the phrases' slots, drawn once per text so a text names one pillar and one goal. */
    record Slots(Map<String, String> values) {

        static Slots of(ContentBrief b, BrandVoice brand, SplittableRandom random) {
            Map<String, String> v = new java.util.HashMap<>();
            put(v, "topic", b.topic() != null ? shortTopic(b.topic()) : b.campaignName());
            put(v, "campaign", b.campaignName());
            put(v, "brand", brand.name());
            put(v, "audience", b.targetAudience() == null ? null : lowerFirst(shortTopic(b.targetAudience())));
            put(v, "pillar", b.contentPillars().isEmpty() ? null
                    : b.contentPillars().get(random.nextInt(b.contentPillars().size())).toLowerCase(Locale.ROOT));
            put(v, "goal", b.goals().isEmpty() ? null : goalVerb(b.goals().get(random.nextInt(b.goals().size()))));
            put(v, "use", brand.wordsToUse().isEmpty() ? null
                    : brand.wordsToUse().get(random.nextInt(brand.wordsToUse().size())));
            return new Slots(v);
        }

        boolean canFill(String phrase) {
            var m = Pattern.compile("\\{([a-z]+)}").matcher(phrase);
            while (m.find()) {
                if (!values.containsKey(m.group(1))) {
                    return false;
                }
            }
            return true;
        }

        String fill(String phrase) {
            String out = phrase;
            for (var e : values.entrySet()) {
                out = out.replace("{" + e.getKey() + "}", e.getValue());
            }
            return Character.toUpperCase(out.charAt(0)) + out.substring(1);
        }

        private static void put(Map<String, String> v, String key, String value) {
            if (value != null && !value.isBlank()) {
                v.put(key, value.strip());
            }
        }

        /** A topic is a phrase in a sentence: its first clause, without a closing full stop. */
        private static String shortTopic(String topic) {
            String first = topic.strip().split("[.;\\n]")[0];
            return first.length() > 80 ? LengthFitter.cutAtWord(first, 80).replace("…", "") : first;
        }

        private static String lowerFirst(String s) {
            return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))
                    ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
        }

        /** "Increase sign-ups by 20 %" reads as "increase sign-ups by 20 %"; a noun goal becomes "get more ...". */
        private static String goalVerb(String goal) {
            String g = shortTopic(goal);
            String lower = g.toLowerCase(Locale.ROOT);
            if (lower.matches("^(increase|grow|drive|boost|build|get|reach|raise|win|launch|reduce|improve|generate|double).*")) {
                return lower;
            }
            return "get more " + lower;
        }
    }
}
