package io.flightdeck.content.generation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fitting text to a limit by whole sentences, checked by hand. */
class LengthFitterTests {

    @Test
    void aTextWithinTheLimitIsLeftAlone() {
        assertThat(LengthFitter.fit("Short. Sweet.", 13)).isEqualTo("Short. Sweet.");
    }

    @Test
    void wholeSentencesGoFromTheEnd() {
        // 26 characters for the first two sentences with their space
        assertThat(LengthFitter.fit("One two three. Four five six. Seven eight nine.", 30)).isEqualTo("One two three. Four five six.");
        assertThat(LengthFitter.fit("One two three. Four five six. Seven eight nine.", 28)).isEqualTo("One two three.");
    }

    @Test
    void aFirstSentenceTooLongIsCutAtAWordWithAnEllipsis() {
        String fitted = LengthFitter.fit("Supercalifragilistic expialidocious words are long.", 25);
        assertThat(fitted).isEqualTo("Supercalifragilistic…");
        assertThat(fitted.codePointCount(0, fitted.length())).isLessThanOrEqualTo(25);
    }

    @Test
    void emojiCountAsOneCharacterEach() {
        String text = "✨✨✨ Bright. Then more text here.";
        assertThat(LengthFitter.fit(text, 11)).isEqualTo("✨✨✨ Bright.");
    }
}
