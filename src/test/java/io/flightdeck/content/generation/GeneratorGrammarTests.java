package io.flightdeck.content.generation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.TextKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline generator writes grammatical copy (issue 25): a thousand varied briefs, every text kind, every channel
 * and none. A brief field never keeps a capital in the middle of a sentence ("and Our new…") and a name keeps its own
 * ("NASA", "iPhone"); every sentence starts with a capital and the text ends as its kind should; no doubled or
 * stranded punctuation; no sentence cut off; no hashtag in an email; every limit kept.
 */
class GeneratorGrammarTests {

    private static final String LONG_TOPIC = "The most complete guide to brewing single-origin coffee at home with tips "
            + "from our roasters and baristas across the whole country";
    private static final String LONG_TOPIC_WITH_CLAUSE = "Everything you need for a calmer morning routine, from the "
            + "grinder and the kettle to the last drop of a slow pour-over";
    private static final List<String> TOPICS = Arrays.asList(null, "Our new collection", "The spring sale.",
            "iPhone cases", "NASA week", "A 30-day yoga challenge", "Black Friday deals", "Christmas gift guide",
            "Northwind beans", "our single-origin Ethiopian roast", "the #SlowMornings challenge",
            "Fresh coffee, delivered.", "Your Morning Routine", "Our new range lands in March. It has six coffees.",
            LONG_TOPIC, LONG_TOPIC_WITH_CLAUSE, "Big news!", "The launch of the year; everything changes",
            "  Spaced   out   tasting  ", "This week's specials", "An evening with our roasters", "");
    private static final List<String> CAMPAIGNS = Arrays.asList("Spring push", "The Big Launch", null, "#Winter26",
            "Autumn menu.", "NASA x Northwind");
    private static final List<List<String>> GOALS = List.of(List.of(), List.of("Drive online sales."),
            List.of("Brand Awareness"), List.of("Generate leads", "Book 50 demos"), List.of("Grow sign-ups by 20 %"),
            List.of("Sell out the event"), List.of("More repeat orders"), List.of("1,000 new customers"),
            List.of("Increase engagement with NASA fans"), List.of("Drive traffic to the blog"));
    private static final List<String> AUDIENCES = Arrays.asList(null, "Busy commuters", "The busy commuters.",
            "Small Business Owners", "NHS nurses", "iPhone users", "Parents of toddlers; busy ones",
            "Home cooks who love long Sunday lunches and want something new for the table every single week of the year",
            "Our loyal customers");
    private static final List<List<String>> PILLARS = List.of(List.of(), List.of("Craft"), List.of("Craft.", "Sustainability"),
            List.of("Behind the Scenes", "NASA partnerships"), List.of("Customer stories"),
            List.of("Origins", "Wellbeing", "Product tips"), List.of("#Community"));
    private static final List<String> TONES = Arrays.asList(null, "warm", "playful", "professional", "bold",
            "luxurious", "urgent", "calm", "Witty and light", "expert");
    private static final List<String> CONSTRAINTS = Arrays.asList(null, "No prices", "Mention the store");
    private static final String HEAVY_FOOTER = "Offer valid in participating stores until 31 December 2027 while "
            + "stocks last. Terms apply, see northwind.example/terms for the details that our lawyers insist on.";
    private static final List<BrandVoice> BRANDS = List.of(BrandVoice.none(),
            new BrandVoice("Northwind", "warm", List.of("freshly roasted", "Small-batch"), List.of("cheap", "here"),
                    List.of("#Northwind", "#SlowMornings"), "Terms apply."),
            new BrandVoice("iCoffee", "playful", List.of("#Fresh"), List.of(), List.of("#iCoffee"), "© iCoffee Ltd 2026"),
            new BrandVoice("Northwind Co.", "bold", List.of("Freshly Roasted"), List.of("guarantee"), List.of(), HEAVY_FOOTER),
            new BrandVoice("bloom & co", null, List.of("Quietly brilliant"), List.of(), List.of("#bloom"), null));
    private static final List<String> SOURCES = List.of("""
            # Why we roast in small batches

            Small batches let us taste every roast before it leaves the building. We roast on Tuesdays and \
            Thursdays, and every batch is cupped the same afternoon. A batch that tastes flat never reaches a customer.

            - Fresh beans every week
            - Roasted to order

            Our customers tell us the difference shows in the cup. We think it shows in the #SlowMornings they \
            share with us too! Come and see the roastery for yourself.
            """, """
            The spring range is here, and it is our most varied yet. Six coffees from four countries, each one \
            picked for a different kind of morning. The lightest tastes of jasmine and peach; the darkest of cocoa. \
            Every bag is roasted within a week of reaching you. Ask us which one suits your grinder.
            """);
    private static final List<String> FACTS = List.of("type: Product launch\nchannels: Instagram, Email\n"
            + "objective: Sell 500 bags in March\ndescription: Our new spring range. Six coffees.",
            "type: Event\nchannels: LinkedIn, X (Twitter)", "description: The Big Launch of our roastery app");

    /** A determiner with a capital after a space. */
    private static final Pattern CAPITAL_DETERMINER = Pattern.compile("(?<= )(?:Our|The|An?|Your|This|These|Those)\\b");
    /** After these a determiner from a brief field is mid-sentence; after ". " or at a line's start it opens one. */
    private static final Pattern MID_SENTENCE = Pattern.compile("(?i)(.*[,:]|and|to|for|with|of|the|our|your|at|about|"
            + "on|from|meet|introducing|discover|presents|unveils|is|in|into|building|hello|love|welcome|simply|now|new)");
    /** The brief fields' words in a casing they must never have: a name lowered, a label's word kept capital. */
    private static final List<String> WRONGLY_CASED = List.of("Small Business", "Scenes", "Awareness", "iphone",
            "IPhone", "nasa", "Nasa", "christmas", "black Friday", "Craft.", "icoffee", "ICoffee", "Repeat", "Loyal");
    /** The brief fields' first words that are ordinary: with a capital only where a sentence starts. */
    private static final List<String> ORDINARY_WORDS = List.of("Fresh coffee", "Big news", "Spaced out",
            "Busy commuters", "Small-batch", "Quietly brilliant", "Home cooks", "Parents of");
    private static final Pattern BAD_PUNCTUATION = Pattern.compile("\\.\\.|[!?,;:]\\.|\\s[,.;:!?]|,,|  |\\. ,");
    private static final Pattern SENTENCE_SPLIT = Pattern.compile("(?<=[.!?][\"”’')\\]]?)\\s+");
    private static final Pattern UNIT_SPLIT = Pattern.compile("(?<=[.!?][\"”’')\\]]?)\\s+|\\n+");
    private static final Pattern LEADING_NON_WORD = Pattern.compile("^[^\\p{L}\\p{N}#]+");
    private static final Pattern TRAILING_SYMBOLS = Pattern.compile("\\s*\\p{So}+$");
    private static final Pattern HASHTAG_LINE = Pattern.compile("#[\\p{L}\\p{N}_]+( #[\\p{L}\\p{N}_]+)*");
    private static final Pattern HEADLINE_BAD_END = Pattern.compile(".*[,;:–—-]$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’')\\]]*$");
    private static final Pattern SCRIPT_LINE = Pattern.compile("^(HOOK|BEAT \\d|CTA) \\(\\d+–\\d+ s\\): (.+)$");
    private static final Set<String> DANGLING = Set.of("a", "an", "the", "and", "or", "but", "of", "to", "for",
            "with", "in", "on", "at", "by", "from", "our", "your", "is", "are");
    private static final Set<String> CTAS = PhraseBook.CTAS.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    private static final Set<TextKind> EMAIL_KINDS = Set.of(TextKind.EMAIL_SUBJECT, TextKind.EMAIL_BODY);
    private static final Pattern PHRASE_SENTENCES = phraseSentences();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BuiltInGenerator generator = new BuiltInGenerator();

    /** The i-th brief: every field steps through its values at its own pace, so 1,000 briefs mix them all. */
    static ContentBrief brief(int i) {
        return new ContentBrief(CAMPAIGNS.get(i % CAMPAIGNS.size()), i % 4 == 0 ? null : i % 7,
                GOALS.get(i / 3 % GOALS.size()), AUDIENCES.get(i / 2 % AUDIENCES.size()),
                PILLARS.get(i / 5 % PILLARS.size()), TONES.get(i / 7 % TONES.size()),
                CONSTRAINTS.get(i % CONSTRAINTS.size()), TOPICS.get(i % TOPICS.size()));
    }

    @Test
    void aThousandBriefsGiveGrammaticalCopyInEveryKindOnEveryChannel() {
        List<Channel> channels = new ArrayList<>(Arrays.asList(Channel.values()));
        channels.add(null);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < 1_000; i++) {
            ContentBrief brief = brief(i);
            BrandVoice brand = BRANDS.get(i / 11 % BRANDS.size());
            for (TextKind kind : TextKind.values()) {
                for (Channel channel : channels) {
                    String source = kind == TextKind.REPURPOSE ? SOURCES.get(i % SOURCES.size())
                            : kind == TextKind.STRATEGY_DRAFT ? FACTS.get(i % FACTS.size()) : null;
                    String text = generator.generate(new GenerationRequest(kind, channel, brief, brand, source, i,
                            null, null)).text();
                    List<String> problems = problems(kind, channel, brand, source, text);
                    if (!problems.isEmpty()) {
                        failures.add(kind + " on " + channel + ", brief " + i + ": " + problems + "\n" + text);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(1_000 * TextKind.values().length * 10);
        assertThat(failures).as("%d texts with problems", failures.size()).isEmpty();
    }

    @Test
    void aTopicInTheMiddleOfASentenceLosesItsCapitalButANameKeepsIt() {
        assertThat(fill("Meet {topic}.", "Our new collection")).isEqualTo("Meet our new collection.");
        assertThat(fill("Good things take time, and {topic} is one of them.", "The spring sale."))
                .isEqualTo("Good things take time, and the spring sale is one of them.");
        assertThat(fill("{topic}, made for {audience}.", "Our new collection"))
                .isEqualTo("Our new collection, made for small business owners.");
        assertThat(fill("Say hello to {topic}.", "iPhone cases")).isEqualTo("Say hello to iPhone cases.");
        assertThat(fill("{topic}. Finally.", "iPhone cases")).isEqualTo("iPhone cases. Finally.");
        assertThat(fill("Introducing {topic}.", "NASA week")).isEqualTo("Introducing NASA week.");
        assertThat(fill("Don't miss {topic}.", "Black Friday deals")).isEqualTo("Don't miss Black Friday deals.");
        assertThat(fill("We made {topic} with you in mind.", "Northwind beans"))
                .isEqualTo("We made Northwind beans with you in mind.");
        assertThat(fill("Meet {topic}.", "Fresh coffee, delivered.")).isEqualTo("Meet fresh coffee, delivered.");
        assertThat(fill("Guess who just got a little better? {brand}.", "x"))
                .isEqualTo("Guess who just got a little better? Northwind.");
    }

    @Test
    void labelsReadInLowerCaseExceptTheirNamesAndLoseTheirFullStops() {
        ContentBrief brief = new ContentBrief("Spring push", 1, List.of("Brand Awareness."), "Small Business Owners",
                List.of("Craft."), "plain", null, "NASA week");
        Slots slots = Slots.of(brief, northwind(), new SplittableRandom(1));
        assertThat(slots.fill("One line on {pillar}: what makes it different."))
                .isEqualTo("One line on craft: what makes it different.");
        assertThat(slots.fill("Made to help {audience} {goal}."))
                .isEqualTo("Made to help small business owners get more brand awareness.");
        assertThat(slots.fill("{audience}, this one's for you (you're welcome)."))
                .isEqualTo("Small business owners, this one's for you (you're welcome).");
        assertThat(slots.fill("We focused on {pillar} so you don't have to."))
                .isEqualTo("We focused on craft so you don't have to.");
    }

    @Test
    void aSentenceTooLongIsEndedAtAClauseAndNeverCutInHalf() {
        assertThat(LengthFitter.fit("Good things take time, and our single-origin roast is one of them. Shop now.", 30))
                .isEqualTo("Good things take time.");
        assertThat(LengthFitter.fit("Three reasons busy commuters are looking at our single-origin roast. Shop now.", 30))
                .isEqualTo("Shop now.");
        // a topic longer than a slot takes is shortened at a word, never on a dangling word
        assertThat(LengthFitter.shortenPhrase(LONG_TOPIC, 80))
                .isEqualTo("The most complete guide to brewing single-origin coffee at home with tips");
        assertThat(LengthFitter.shortenPhrase(LONG_TOPIC_WITH_CLAUSE, 80))
                .isEqualTo("Everything you need for a calmer morning routine");
    }

    @Test
    void theLegalFooterIsNeverCutAndTheTextBeforeItEndsWithAWholeSentence() {
        BrandVoice heavy = new BrandVoice("Northwind", null, List.of(), List.of(), List.of(), HEAVY_FOOTER);
        String text = "Good things take time, and our single-origin Ethiopian roast, grown at two thousand metres by a "
                + "family we have known for years, is one of them. Built for busy commuters. Shop now.";
        assertThat(BuiltInGenerator.withFooter(text, heavy, 280))
                .isEqualTo("Good things take time.\n\n" + HEAVY_FOOTER);
        // the footer alone is longer than a search ad: the ad is written without it rather than with half of it
        assertThat(BuiltInGenerator.withFooter(text, heavy, 90)).isEqualTo("Good things take time.");
    }

    @Test
    void anEmailNeverHoldsAHashtag() {
        ContentBrief brief = new ContentBrief("#Winter26", 1, List.of("Grow sign-ups"), "#Regulars",
                List.of("#Community"), "warm", null, "the #SlowMornings challenge");
        BrandVoice brand = new BrandVoice("Northwind", null, List.of("#Fresh"), List.of(), List.of("#Northwind"), null);
        for (long seed = 0; seed < 50; seed++) {
            for (TextKind kind : EMAIL_KINDS) {
                String text = generator.generate(new GenerationRequest(kind, Channel.EMAIL, brief, brand, null, seed,
                        null, null)).text();
                assertThat(text).doesNotContain("#");
            }
        }
        Set<String> repurposed = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            repurposed.add(generator.generate(new GenerationRequest(TextKind.REPURPOSE, Channel.EMAIL, brief, brand,
                    SOURCES.get(0), seed, null, null)).text());
        }
        assertThat(repurposed).allSatisfy(text -> assertThat(text).doesNotContain("#"))
                .anySatisfy(text -> assertThat(text).contains("the SlowMornings they share with us too!"));
        RepurposedDraft section = new LongTextRepurposer().repurpose(SOURCES.get(0), "#SlowMornings", brief, brand,
                Set.of(RepurposeFormat.EMAIL_SECTION), 1, 1).get(0);
        assertThat(section.text()).startsWith("SlowMornings\n\n").doesNotContain("#");
    }

    @Test
    void handCheckedCopyFromABriefWrittenWithCapitalsAndFullStops() {
        ContentBrief brief = new ContentBrief("Spring push", 1, List.of("Drive online sales."), "The busy commuters.",
                List.of("Craft.", "Sustainability"), "plain", null, "Our new collection");
        // was "Say hello to Our new collection. …"
        assertThat(write(TextKind.CAPTION, Channel.TWITTER, brief, 2)).isEqualTo("Say hello to our new collection. "
                + "Made to help the busy commuters drive online sales. Claim the offer.\n\nTerms apply.");
        // was "BEAT 3 (11–15 s): One line on craft.: what makes it different."
        assertThat(write(TextKind.SCRIPT, Channel.TIKTOK, brief, 1)).isEqualTo("""
                HOOK (0–3 s): Say hello to our new collection.
                BEAT 1 (3–7 s): A real person using it, natural light, no voice-over.
                BEAT 2 (7–11 s): Show the problem the busy commuters know too well.
                BEAT 3 (11–15 s): One line on craft: what makes it different.
                CTA (15–18 s): Order now.""");
        assertThat(write(TextKind.EMAIL_SUBJECT, Channel.EMAIL, brief, 4)).isEqualTo("Our new collection: a first look");
    }

    private String write(TextKind kind, Channel channel, ContentBrief brief, long seed) {
        return generator.generate(new GenerationRequest(kind, channel, brief, northwind(), null, seed, null, null)).text();
    }

    private static BrandVoice northwind() {
        return BRANDS.get(1);
    }

    private static String fill(String phrase, String topic) {
        ContentBrief brief = new ContentBrief("Spring push", 1, List.of(), "Small Business Owners", List.of(), null,
                null, topic);
        return Slots.of(brief, northwind(), new SplittableRandom(1)).fill(phrase);
    }

    /** What is wrong with one text; empty when nothing is. */
    private static List<String> problems(TextKind kind, Channel channel, BrandVoice brand, String source, String text) {
        List<String> problems = new ArrayList<>();
        if (kind == TextKind.STRATEGY_DRAFT) {
            strategy(text, problems);
            return problems;
        }
        check(problems, !text.contains("{") && !text.contains("null"), "an unfilled slot");
        withinLimits(kind, channel, text, problems);
        if (kind == TextKind.HASHTAGS) {
            // a brief with no topic, pillar or campaign short enough to tag, and a brand without tags, gets none
            check(problems, text.isEmpty() || HASHTAG_LINE.matcher(text).matches(), "not hashtags");
            return problems;
        }
        check(problems, !text.isBlank(), "empty");
        if (EMAIL_KINDS.contains(kind) || channel == Channel.EMAIL) {
            check(problems, !text.contains("#"), "a hashtag in an email");
        }
        capitals(text, problems);
        check(problems, !BAD_PUNCTUATION.matcher(text).find(), "doubled or stranded punctuation");
        check(problems, !text.contains("…"), "an ellipsis: something was cut");
        String footer = brand.legalFooter();
        String prose = footer != null && text.endsWith("\n\n" + footer)
                ? text.substring(0, text.length() - footer.length() - 2) : text;
        boolean footerAlone = footer != null && text.equals(footer);
        boolean footerFits = footer != null && (PlatformLimits.of(channel).maxChars() == 0
                || footer.length() + 40 < PlatformLimits.of(channel).maxChars());
        if (footerFits && Set.of(TextKind.CAPTION, TextKind.EMAIL_BODY, TextKind.REPURPOSE).contains(kind)) {
            check(problems, text.endsWith(footer), "no legal footer");
        }
        switch (kind) {
            case CTA -> check(problems, CTAS.contains(text), "not a call to action of the phrase book");
            case HEADLINE, EMAIL_SUBJECT -> headline(text, problems);
            case SCRIPT -> script(text, problems);
            case EMAIL_BODY -> emailBody(prose, problems);
            case CAPTION, REPURPOSE -> {
                if (!footerAlone) {
                    String last = lastSentence(TRAILING_SYMBOLS.matcher(prose).replaceAll(""));
                    check(problems, SENTENCE_END.matcher(last).find(), "ends without a full stop: " + last);
                    check(problems, whole(last, source), "a last sentence nobody wrote whole: " + last);
                }
            }
            default -> {
            }
        }
        return problems;
    }

    private static void withinLimits(TextKind kind, Channel channel, String text, List<String> problems) {
        PlatformLimits limits = PlatformLimits.of(channel);
        int length = text.codePointCount(0, text.length());
        if ((kind == TextKind.CAPTION || kind == TextKind.REPURPOSE) && limits.limitsChars()) {
            check(problems, length <= limits.maxChars(), "over the limit");
        }
        if (kind == TextKind.HEADLINE || kind == TextKind.EMAIL_SUBJECT) {
            check(problems, length <= (limits.headlineMax() > 0 ? limits.headlineMax() : 90), "over the headline limit");
        }
        if (kind == TextKind.HASHTAGS && limits.maxHashtags() > 0) {
            check(problems, text.split(" ").length <= limits.maxHashtags(), "too many hashtags");
        }
    }

    /** No determiner from a brief keeps its capital mid-sentence; labels are lower case; names keep their casing. */
    private static void capitals(String text, List<String> problems) {
        // a script line's label ("HOOK (0–3 s): ") is followed by a sentence's start
        String body = text.lines().map(l -> SCRIPT_LINE.matcher(l).replaceFirst("$2")).collect(Collectors.joining("\n"));
        Matcher kept = CAPITAL_DETERMINER.matcher(body);
        while (kept.find()) {
            String before = body.substring(body.lastIndexOf(' ', kept.start() - 2) + 1, kept.start() - 1);
            check(problems, !MID_SENTENCE.matcher(before).matches(), "a capital kept mid-sentence: " + before + " "
                    + kept.group());
        }
        for (String wrong : WRONGLY_CASED) {
            check(problems, !body.contains(wrong), "wrongly cased: " + wrong);
        }
        for (String ordinary : ORDINARY_WORDS) {
            for (int at = body.indexOf(" " + ordinary); at > 0; at = body.indexOf(" " + ordinary, at + 1)) {
                check(problems, opensSentence(body, at), "a capital kept mid-sentence: " + ordinary);
            }
        }
        for (String unit : UNIT_SPLIT.split(body)) {
            String sentence = LEADING_NON_WORD.matcher(unit).replaceFirst("");
            if (sentence.isEmpty() || sentence.startsWith("#")) {
                continue;
            }
            int end = 1;
            while (end < sentence.length() && Character.isLetterOrDigit(sentence.charAt(end))) {
                end++;
            }
            String first = sentence.substring(0, end);
            boolean camel = !first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT));
            check(problems, !Character.isLowerCase(first.charAt(0)) || camel, "a sentence starting in lower case: " + unit);
        }
    }

    /** Whether only spaces and symbols (an emoji) stand between {@code at} and a sentence's end or a line's start. */
    private static boolean opensSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && text.charAt(i) != '\n' && !Character.isLetterOrDigit(text.charAt(i))
                && ".!?,;:)".indexOf(text.charAt(i)) < 0) {
            i--;
        }
        return i < 0 || ".!?\n".indexOf(text.charAt(i)) >= 0;
    }

    private static void headline(String text, List<String> problems) {
        check(problems, !HEADLINE_BAD_END.matcher(text).matches(), "a headline ending on punctuation");
        String last = lastWord(text);
        check(problems, !DANGLING.contains(last.toLowerCase(Locale.ROOT)), "a headline ending on '" + last + "'");
        check(problems, PHRASE_SENTENCES.matcher(text).matches() || fromABriefField(text),
                "a headline nobody wrote whole");
    }

    private static void script(String text, List<String> problems) {
        List<String> lines = text.lines().toList();
        check(problems, lines.size() == 5, "not five lines");
        for (String l : lines) {
            Matcher line = SCRIPT_LINE.matcher(l);
            check(problems, line.matches() && SENTENCE_END.matcher(l).find(), "a script line cut off: " + l);
        }
        Matcher last = SCRIPT_LINE.matcher(lines.get(lines.size() - 1));
        check(problems, last.matches() && last.group(1).equals("CTA") && CTAS.contains(last.group(2).replaceAll("\\.$", "")),
                "no call to action closes the script");
    }

    private static void emailBody(String prose, List<String> problems) {
        List<String> paragraphs = Arrays.asList(prose.split("\n\n"));
        String cta = paragraphs.get(paragraphs.size() - 1);
        check(problems, cta.endsWith(" →") && CTAS.contains(cta.substring(0, cta.length() - 2)),
                "no call to action closes the email: " + cta);
        for (String paragraph : paragraphs.subList(1, paragraphs.size() - 1)) {
            String last = lastSentence(paragraph);
            check(problems, SENTENCE_END.matcher(last).find() && whole(last, null), "a paragraph cut off: " + paragraph);
        }
    }

    private static void strategy(String json, List<String> problems) {
        JsonNode draft = JSON.readTree(json);
        for (String field : List.of("targetAudience", "cadence", "brandTone")) {
            String value = draft.get(field).asString();
            check(problems, !value.isBlank() && !BAD_PUNCTUATION.matcher(value).find() && !value.contains("…"),
                    "a strategy's " + field + ": " + value);
        }
    }

    /** The sentence is a phrase book sentence (or its first clause) filled whole, a call to action, or the source's. */
    private static boolean whole(String sentence, String source) {
        if (CTAS.contains(sentence.replaceAll("\\.$", "")) || PHRASE_SENTENCES.matcher(sentence).matches()) {
            return true;
        }
        return source != null && !DANGLING.contains(lastWord(sentence).toLowerCase(Locale.ROOT))
                && source.replaceAll("\\s+", " ").replace("#", "").contains(sentence.replace("#", ""));
    }

    /** A headline that is a brief field's first words, ending at a word's end (a topic too long for the headline). */
    private static boolean fromABriefField(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return Stream.of(TOPICS, CAMPAIGNS).flatMap(List::stream).filter(f -> f != null)
                .map(f -> f.strip().replaceAll("\\s+", " ").replace("#", "").toLowerCase(Locale.ROOT))
                .anyMatch(f -> f.startsWith(lower)
                        && (f.length() == lower.length() || !Character.isLetter(f.charAt(lower.length()))));
    }

    /**
     * Every sentence of the phrase book (headlines and subject lines whole), and every first clause of one, as one
     * pattern: a slot matches any words.
     */
    private static Pattern phraseSentences() {
        Set<String> sentences = new HashSet<>();
        Stream.of(PhraseBook.HOOKS, PhraseBook.BODIES, PhraseBook.CLOSERS, PhraseBook.HEADLINES)
                .flatMap(m -> m.values().stream()).flatMap(List::stream).forEach(p -> addSentences(p, sentences));
        Stream.of(PhraseBook.QUESTIONS, PhraseBook.SUBJECTS, PhraseBook.SCRIPT_BEATS).flatMap(List::stream)
                .forEach(p -> addSentences(p, sentences));
        String alternatives = sentences.stream().map(GeneratorGrammarTests::asPattern).collect(Collectors.joining("|"));
        return Pattern.compile("(?:" + alternatives + ")");
    }

    private static void addSentences(String phrase, Set<String> out) {
        out.add(phrase);
        for (String sentence : phrase.split("(?<=[.!?])\\s+")) {
            out.add(sentence);
            for (String brk : List.of(", ", " – ")) {
                for (int at = sentence.indexOf(brk); at > 0; at = sentence.indexOf(brk, at + 1)) {
                    out.add(sentence.substring(0, at) + ".");
                }
            }
        }
    }

    private static String asPattern(String sentence) {
        StringBuilder p = new StringBuilder();
        Matcher slot = Pattern.compile("\\{[a-z]+}").matcher(sentence);
        int from = 0;
        while (slot.find()) {
            p.append(Pattern.quote(sentence.substring(from, slot.start()))).append("[^.!?\\n]+?");
            from = slot.end();
        }
        return p.append(Pattern.quote(sentence.substring(from))).toString();
    }

    private static String lastSentence(String text) {
        String[] sentences = SENTENCE_SPLIT.split(text.strip());
        return LEADING_NON_WORD.matcher(sentences[sentences.length - 1]).replaceFirst("");
    }

    private static String lastWord(String text) {
        String[] words = text.replaceAll("[^\\p{L}\\p{N}'’\\s-]", " ").strip().split("\\s+");
        return words[words.length - 1];
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
