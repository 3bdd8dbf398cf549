package io.flightdeck.content.generation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.PlatformLimits;
import org.springframework.stereotype.Component;

/**
 * Turns one long text (a blog post, an article) into each network's format with several variations, offline: the
 * text's key sentences are found once, then each variation draws its own opening and order from them, framed the
 * network's way and kept within its limits (X 280 per post, LinkedIn 3,000, Instagram 2,200 with at most 30
 * hashtags, TikTok 2,200). The same text and seed give the same pieces.
 */
@Component
public class LongTextRepurposer {

    public static final int MAX_VARIATIONS = 5;
    private static final int KEY_SENTENCES = 12;

    public List<RepurposedDraft> repurpose(String text, String title, ContentBrief brief, BrandVoice brand,
            Set<RepurposeFormat> formats, int variations, long seed) {
        List<String> key = Repurposer.keySentences(text == null ? "" : text, KEY_SENTENCES);
        if (key.isEmpty()) {
            return List.of();
        }
        Register register = Register.of(brief.tone());
        List<RepurposedDraft> drafts = new ArrayList<>();
        for (RepurposeFormat format : formats) {
            for (int v = 1; v <= variations; v++) {
                SplittableRandom random = new SplittableRandom(seed * 31 + format.ordinal() * 1_000_003L + v);
                Slots slots = Slots.of(brief, brand, random);
                List<String> picked = pick(key, random, v);
                drafts.add(switch (format) {
                    case LINKEDIN_POST -> single(format, v, linkedIn(picked, slots, brand, random));
                    case INSTAGRAM_CAPTION -> single(format, v, instagram(picked, title, slots, register, brief, brand, random));
                    case TIKTOK_SCRIPT -> single(format, v, tiktok(picked, brief, random));
                    case X_THREAD -> thread(v, picked, title, brief, brand, random);
                    case EMAIL_SECTION -> single(format, v, email(picked, title, slots, register, brief, brand, random));
                });
            }
        }
        return drafts;
    }

    /** The variation's sentences: a different opening each time (the n-th strongest first), then the rest shuffled. */
    private static List<String> pick(List<String> key, SplittableRandom random, int variation) {
        List<String> pool = new ArrayList<>(key);
        List<String> out = new ArrayList<>();
        // an opening reads best short: the n-th short sentence, else the n-th of all
        List<String> short_ = pool.stream().filter(s -> s.length() <= 140).toList();
        String opening = short_.isEmpty() ? pool.get((variation - 1) % pool.size())
                : short_.get((variation - 1) % short_.size());
        pool.remove(opening);
        out.add(opening);
        while (!pool.isEmpty()) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    private static RepurposedDraft single(RepurposeFormat format, int variation, String text) {
        return new RepurposedDraft(format, variation, text, List.of(text));
    }

    private static String linkedIn(List<String> s, Slots slots, BrandVoice brand, SplittableRandom r) {
        StringBuilder post = new StringBuilder(s.get(0)).append("\n\n");
        for (int i = 1; i < Math.min(5, s.size()); i++) {
            post.append("→ ").append(s.get(i)).append('\n');
        }
        post.append('\n').append(slots.fill(BuiltInGenerator.pick(PhraseBook.QUESTIONS, r, slots)));
        String tags = String.join(" ", hashtags(brand, null, 3));
        return BuiltInGenerator.withFooter(tags.isEmpty() ? post.toString() : post + "\n\n" + tags, brand,
                PlatformLimits.of(RepurposeFormat.LINKEDIN_POST.channel()).maxChars());
    }

    private static String instagram(List<String> s, String title, Slots slots, Register register,
            ContentBrief brief, BrandVoice brand, SplittableRandom r) {
        String emoji = PhraseBook.EMOJIS.get(r.nextInt(PhraseBook.EMOJIS.size()));
        String body = emoji + " " + s.get(0) + "\n\n" + (s.size() > 1 ? s.get(1) + "\n\n" : "")
                + slots.fill(BuiltInGenerator.pick(PhraseBook.CLOSERS.get(register), r, slots));
        List<String> tags = hashtags(brand, title, 12);
        int limit = PlatformLimits.of(RepurposeFormat.INSTAGRAM_CAPTION.channel()).maxChars();
        String tagLine = String.join(" ", tags);
        int room = limit - tagLine.length() - 2;
        String fitted = BuiltInGenerator.withFooter(body, brand, room);
        return tagLine.isEmpty() ? fitted : fitted + "\n\n" + tagLine;
    }

    private static String tiktok(List<String> s, ContentBrief brief, SplittableRandom r) {
        StringBuilder script = new StringBuilder("HOOK (0–3 s): ").append(LengthFitter.fit(s.get(0), 120)).append('\n');
        int second = 3;
        for (int i = 1; i <= 3 && i < s.size(); i++) {
            script.append("BEAT ").append(i).append(" (").append(second).append('–').append(second + 5).append(" s): ")
                    .append(LengthFitter.fit(s.get(i), 160)).append('\n');
            second += 5;
        }
        script.append("CTA (").append(second).append('–').append(second + 3).append(" s): ")
                .append(BuiltInGenerator.ctaFor(brief, r)).append('.');
        return LengthFitter.fit(script.toString(), PlatformLimits.of(RepurposeFormat.TIKTOK_SCRIPT.channel()).maxChars());
    }

    private static RepurposedDraft thread(int variation, List<String> s, String title, ContentBrief brief,
            BrandVoice brand, SplittableRandom r) {
        int count = Math.min(s.size(), 4 + r.nextInt(3));
        List<String> bodies = new ArrayList<>(s.subList(0, count));
        String close = BuiltInGenerator.ctaFor(brief, r) + "." + tagSuffix(hashtags(brand, title, 2));
        bodies.add(close);
        int total = bodies.size();
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String number = " " + (i + 1) + "/" + total;
            posts.add(LengthFitter.fit(bodies.get(i), 280 - number.length()) + number);
        }
        return new RepurposedDraft(RepurposeFormat.X_THREAD, variation, String.join("\n\n", posts), posts);
    }

    private static String email(List<String> s, String title, Slots slots, Register register,
            ContentBrief brief, BrandVoice brand, SplittableRandom r) {
        String heading = title != null && !title.isBlank() ? SlotText.unhashed(title.strip())
                : slots.fill(BuiltInGenerator.pick(PhraseBook.HEADLINES.get(register), r, slots));
        // an email holds no hashtags: a sentence's "#SlowMornings" reads "SlowMornings"
        StringBuilder body = new StringBuilder(heading).append("\n\n").append(SlotText.unhashed(s.get(0)));
        if (s.size() > 1) {
            body.append(' ').append(SlotText.unhashed(s.get(1)));
        }
        if (s.size() > 2) {
            body.append("\n\n").append(SlotText.unhashed(s.get(2)));
        }
        body.append("\n\n").append(BuiltInGenerator.ctaFor(brief, r)).append(" →");
        return BuiltInGenerator.withFooter(body.toString(), brand, 0);
    }

    private static List<String> hashtags(BrandVoice brand, String title, int max) {
        Set<String> tags = new LinkedHashSet<>(brand.hashtags());
        if (title != null) {
            String camel = Hashtags.camel(title);
            if (camel.length() > 1 && camel.length() <= 30) {
                tags.add("#" + camel);
            }
        }
        return tags.stream().limit(max).toList();
    }

    private static String tagSuffix(List<String> tags) {
        return tags.isEmpty() ? "" : " " + String.join(" ", tags);
    }
}
