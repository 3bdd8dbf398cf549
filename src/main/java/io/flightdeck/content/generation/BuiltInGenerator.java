package io.flightdeck.content.generation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.TextKind;
import org.springframework.stereotype.Component;

/**
 * The offline default: writes copy from the brief, the brand and the network's rules with curated phrases
 * ({@link PhraseBook}), no keys and no network. Deterministic: the request's every field and its seed pick the phrases,
 * so the same request and seed give the same text, and changing any brief field changes it. Never writes a word the
 * brand avoids and never exceeds the network's limit. Grammatical: a brief field reads as a phrase inside the
 * sentence (lower case unless it is a name, without a full stop of its own, see {@link SlotText}); a text is
 * shortened by whole sentences or at a clause, never mid-sentence ({@link LengthFitter}); an email holds no hashtag.
 */
@Component
public class BuiltInGenerator {

    public static final String PROVIDER = "built-in";
    public static final String MODEL = "phrasebook-1";
    private static final int ATTEMPTS = 12;
    /** What the goals want, tried in this order; anything else is awareness. */
    private static final Map<String, Pattern> CTA_KEYS = new LinkedHashMap<>();

    static {
        CTA_KEYS.put("sales", Pattern.compile("sale|revenue|purchase|order|buy|conversion"));
        CTA_KEYS.put("leads", Pattern.compile("lead|demo|pipeline|b2b|quote"));
        CTA_KEYS.put("signups", Pattern.compile("sign.?up|subscri|register|download|install"));
        CTA_KEYS.put("traffic", Pattern.compile("traffic|visit|click|site"));
        CTA_KEYS.put("engagement", Pattern.compile("engag|community|follow|comment|share"));
    }

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
            case HASHTAGS -> Hashtags.write(r, limits, random);
            case HEADLINE -> headline(PhraseBook.HEADLINES.get(register), slots, random, r);
            case CTA -> cta(r.brief(), random);
            case SCRIPT -> script(register, slots, r.brief(), random);
            case EMAIL_SUBJECT -> headline(PhraseBook.SUBJECTS, slots, random, r);
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
        boolean one = forAudience.equals(onPillar);
        String body = one ? forAudience : forAudience + " " + onPillar;
        String paragraphs = one ? forAudience : forAudience + "\n\n" + onPillar;
        String cta = cta(brief, random) + ".";
        if (channel == null) {
            return hook + " " + body + " " + cta;
        }
        return switch (channel) {
            case LINKEDIN -> hook + "\n\n" + paragraphs + "\n\n"
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
            String beat = pick(beats, random, slots);
            beats.remove(beat);
            s.append("BEAT ").append(i + 1).append(" (").append(second).append('–').append(second + 4).append(" s): ")
                    .append(slots.fill(beat)).append('\n');
            second += 4;
        }
        return s.append("CTA (").append(second).append('–').append(second + 3).append(" s): ").append(cta(brief, random))
                .append('.').toString();
    }

    /** A call to action that follows the goals (sales, leads, sign-ups, traffic, engagement, else awareness). */
    static String ctaFor(ContentBrief brief, SplittableRandom random) {
        return cta(brief, random);
    }

    private static String cta(ContentBrief brief, SplittableRandom random) {
        String goals = String.join(" ", brief.goals()).toLowerCase(Locale.ROOT);
        String key = CTA_KEYS.entrySet().stream().filter(e -> e.getValue().matcher(goals).find()).map(Map.Entry::getKey)
                .findFirst().orElse("awareness");
        List<String> options = PhraseBook.CTAS.get(key);
        return options.get(random.nextInt(options.size()));
    }

    /**
     * A headline or subject line within the limit: the phrase drawn, else the next one that fits without a word the brand
     * avoids, else the topic alone, shortened at a clause or a word (never on a dangling "and") when even that is too
     * long.
     */
    private static String headline(List<String> phrases, Slots slots, SplittableRandom random, GenerationRequest r) {
        PlatformLimits limits = PlatformLimits.of(r.channel());
        int max = limits.headlineMax() > 0 ? limits.headlineMax() : 90;
        int start = random.nextInt(phrases.size());
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = phrases.get((start + i) % phrases.size());
            String text = slots.canFill(phrase) ? slots.fill(phrase) : null;
            if (text != null && LengthFitter.length(text) <= max && avoided(text, r.brand()) == null) {
                return text;
            }
        }
        return SlotText.sentenceStart(LengthFitter.shortenPhrase(slots.values().get("topic"), max));
    }

    /**
     * The brand's legal footer closes the text, word for word; the text before it is shortened by whole sentences (or
     * at a clause) to make room. With no room for a whole sentence the footer stands alone; a footer longer than the
     * limit itself cannot close the text, which is then fitted alone (the brand check reports the missing footer).
     */
    public static String withFooter(String text, BrandVoice brand, int limit) {
        String footer = brand.legalFooter();
        if (footer == null || footer.isBlank()) {
            return limit > 0 ? LengthFitter.fit(text, limit) : text;
        }
        if (text == null || text.isBlank()) {
            return limit <= 0 || LengthFitter.length(footer) <= limit ? footer : "";
        }
        if (limit <= 0) {
            return text + "\n\n" + footer;
        }
        int room = limit - LengthFitter.length(footer) - 2;
        String before = room > 0 ? LengthFitter.fitWhole(text, room) : "";
        if (!before.isEmpty()) {
            return before + "\n\n" + footer;
        }
        return LengthFitter.length(footer) <= limit ? footer : LengthFitter.fit(text, limit);
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
        // not reached: every list has a phrase that needs no slot or only {topic}, which always has a value
        return phrases.stream().filter(p -> !p.contains("{")).findFirst().orElse(phrases.get(start));
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
}
