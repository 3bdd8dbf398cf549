package io.flightdeck.content.generation;

import java.util.List;
import java.util.Map;

/**
 * The built-in generator's curated phrases, by register. Slots: {topic}, {brand}, {audience}, {pillar}, {goal},
 * {campaign}, {use}. A phrase whose slot has no value is skipped, so every phrase reads well with what is there;
 * every list holds a phrase that needs no slot or only {topic}, which always has a value. A slot is a phrase in a
 * sentence: the phrase brings the punctuation, and a slot that opens a sentence is given its capital ({@link Slots}).
 */
final class PhraseBook {

    private PhraseBook() {
    }

    static final Map<Register, List<String>> HOOKS = Map.of(
            Register.PLAIN, List.of("Meet {topic}.", "Here is {topic}.", "Something new from {brand}: {topic}.",
                    "{topic}, made for {audience}.", "We have been working on {topic}.", "Say hello to {topic}."),
            Register.PLAYFUL, List.of("Plot twist: {topic} is here.", "Okay, we can finally talk about {topic}.",
                    "Warning: {topic} may cause spontaneous happiness.", "New favourite thing unlocked: {topic}.",
                    "We made {topic}. No regrets.", "Guess who just got a little better? {brand}."),
            Register.PROFESSIONAL, List.of("Introducing {topic}.", "{topic}: what it means for {audience}.",
                    "Three reasons {audience} are looking at {topic}.", "A closer look at {topic}.",
                    "{brand} presents {topic}.", "What we learned building {topic}."),
            Register.BOLD, List.of("{topic}. Finally.", "Stop settling. Start with {topic}.",
                    "This is {topic}, and it changes the game.", "No half measures: {topic} is here.",
                    "Big news from {brand}: {topic}.", "Ready for {topic}? We are."),
            Register.WARM, List.of("We made {topic} with you in mind.", "A little something for {audience}: {topic}.",
                    "From all of us at {brand}: {topic}.", "Good things take time, and {topic} is one of them.",
                    "Pull up a chair. Let's talk about {topic}.", "We think you'll love {topic}."),
            Register.LUXURIOUS, List.of("Discover {topic}.", "{topic}, thoughtfully crafted.",
                    "An invitation to {topic}.", "Quietly exceptional: {topic}.", "Considered in every detail: {topic}.",
                    "{brand} unveils {topic}."),
            Register.URGENT, List.of("Don't miss {topic}.", "Last call for {topic}.", "{topic} won't wait. Neither should you.",
                    "Now or never: {topic}.", "Time is running out on {topic}.", "Act fast: {topic} is here."));

    static final Map<Register, List<String>> BODIES = Map.of(
            Register.PLAIN, List.of("It is all about {pillar}.", "Built for {audience}, with {pillar} at its heart.",
                    "We focused on {pillar} so you don't have to.", "{use}, and nothing you don't need.",
                    "Made to help {audience} {goal}.", "Simple, useful and {use}.",
                    "Made with care, start to finish."),
            Register.PLAYFUL, List.of("Think {pillar}, but more fun.", "{audience}, this one's for you (you're welcome).",
                    "We put the {pillar} in, took the boring out.", "It's {use}. We checked. Twice.",
                    "Your {pillar} era starts here.", "Made for {audience} who like to {goal}.",
                    "Yes, we're a little excited."),
            Register.PROFESSIONAL, List.of("Designed around {pillar}.", "It helps {audience} {goal}, measurably.",
                    "Grounded in {pillar} and built to last.", "Practical, {use} and ready today.",
                    "Our team spent months on {pillar} so that {audience} can {goal}.", "The result: {use}, at scale.",
                    "Built to be useful from day one."),
            Register.BOLD, List.of("{pillar}, turned all the way up.", "Built for {audience} who refuse to wait.",
                    "It's {use}. Full stop.", "Made to {goal}, and then some.", "{pillar} without compromise.",
                    "No fluff. Just {pillar}.", "Nothing held back."),
            Register.WARM, List.of("It started with {pillar} and a lot of care.", "For {audience}, and the people they love.",
                    "It's {use}, just like it should be.", "We hope it helps you {goal}.",
                    "Every detail is about {pillar}.", "Made by people who care about {pillar}, for {audience}.",
                    "Made with care, for people like you."),
            Register.LUXURIOUS, List.of("Where {pillar} meets craft.", "Reserved for {audience} who notice the details.",
                    "{use}, in every sense.", "An experience shaped by {pillar}.",
                    "Made to {goal}, beautifully.", "Every element chosen with intent."),
            Register.URGENT, List.of("{pillar} like this doesn't last.", "{audience}, now is the moment.",
                    "It's {use}, and it's going fast.", "Move now to {goal}.", "The window is short.",
                    "Only while it lasts."));

    static final Map<Register, List<String>> CLOSERS = Map.of(
            Register.PLAIN, List.of("Take a look.", "Find out more.", "See what's new.", "Try it today."),
            Register.PLAYFUL, List.of("Go on, have a look.", "You know you want to.", "Come say hi.", "Tap in."),
            Register.PROFESSIONAL, List.of("Learn more.", "Read the details.", "See how it works.", "Talk to our team."),
            Register.BOLD, List.of("Get it now.", "Make the move.", "Start today.", "Go."),
            Register.WARM, List.of("Come and see.", "We'd love to hear what you think.", "Take your time and have a look.",
                    "Join us."),
            Register.LUXURIOUS, List.of("Discover more.", "Explore the collection.", "Reserve yours.", "Step inside."),
            Register.URGENT, List.of("Act now.", "Don't wait.", "Grab it before it's gone.", "Today only."));

    static final List<String> QUESTIONS = List.of("What does {pillar} look like for your team?",
            "How are you thinking about {pillar} this year?", "What would you add?", "Where would you start?",
            "Which part matters most to you?", "Have you tried something like this?");

    static final List<String> EMOJIS = List.of("✨", "🚀", "☕", "🌿", "💡", "🎉", "👀", "🔥", "🙌", "📣");

    static final Map<Register, List<String>> HEADLINES = Map.of(
            Register.PLAIN, List.of("{topic}", "Meet {topic}", "{topic} is here", "New: {topic}"),
            Register.PLAYFUL, List.of("{topic}, but make it fun", "Hello, {topic}", "Say yes to {topic}", "Oh hi, {topic}"),
            Register.PROFESSIONAL, List.of("Introducing {topic}", "{topic} for {audience}", "{topic}, explained",
                    "Why {topic} matters"),
            Register.BOLD, List.of("{topic}. Now.", "All in on {topic}", "{topic} changes everything", "Go big: {topic}"),
            Register.WARM, List.of("Made for you: {topic}", "{topic}, with love", "Say hello to {topic}", "Welcome {topic}"),
            Register.LUXURIOUS, List.of("Discover {topic}", "The art of {topic}", "{topic}, refined", "Simply {topic}"),
            Register.URGENT, List.of("Last chance: {topic}", "{topic} ends soon", "Now: {topic}", "Don't miss {topic}"));

    /** Calls to action by what the strategy's goals want. */
    static final Map<String, List<String>> CTAS = Map.of(
            "sales", List.of("Shop now", "Buy today", "Get yours", "Order now", "Claim the offer"),
            "leads", List.of("Book a demo", "Get the guide", "Talk to us", "Request a quote", "Sign up free"),
            "awareness", List.of("Learn more", "Discover more", "See the story", "Watch now", "Find out how"),
            "engagement", List.of("Join the conversation", "Tell us below", "Share yours", "Follow along", "Join us"),
            "traffic", List.of("Read more", "Visit the site", "See the details", "Explore now", "Take a look"),
            "signups", List.of("Sign up today", "Create your account", "Start free", "Join now", "Get started"));

    static final List<String> SUBJECTS = List.of("{topic}: a first look", "New from {brand}: {topic}",
            "You're invited: {topic}", "{topic} is here", "The story behind {topic}", "{audience}, meet {topic}",
            "Quick one: {topic}");

    static final List<String> SCRIPT_BEATS = List.of("Show the problem {audience} know too well.",
            "Cut to {topic} in action, close up.", "One line on {pillar}: what makes it different.",
            "A real person using it, natural light, no voice-over.", "Quick before and after.",
            "Text on screen: the one number that matters.", "Behind the scenes: the team at {brand}.");
}
