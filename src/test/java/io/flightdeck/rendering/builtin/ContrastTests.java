package io.flightdeck.rendering.builtin;

import java.awt.Color;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * WCAG contrast against pairs worked by hand (and known from WebAIM's checker): luminance with the sRGB curve,
 * (L1 + 0.05) / (L2 + 0.05).
 */
class ContrastTests {

    private static Color c(String hex) {
        return Color.decode(hex);
    }

    @Test
    void luminanceRunsFromBlackToWhiteWithTheSrgbCurve() {
        assertThat(Contrast.luminance(Color.BLACK)).isEqualTo(0.0);
        assertThat(Contrast.luminance(Color.WHITE)).isCloseTo(1.0, within(1e-9));
        // 0x77 = 0.4667 → ((0.4667 + 0.055) / 1.055)^2.4 = 0.1845
        assertThat(Contrast.luminance(c("#777777"))).isCloseTo(0.1845, within(0.0005));
        // pure primaries carry their coefficients
        assertThat(Contrast.luminance(Color.RED)).isCloseTo(0.2126, within(1e-9));
        assertThat(Contrast.luminance(Color.GREEN)).isCloseTo(0.7152, within(1e-9));
        assertThat(Contrast.luminance(Color.BLUE)).isCloseTo(0.0722, within(1e-9));
    }

    @Test
    void knownPairs() {
        assertThat(Contrast.ratio(Color.BLACK, Color.WHITE)).isCloseTo(21.0, within(1e-9));
        assertThat(Contrast.ratio(Color.WHITE, Color.BLACK)).isCloseTo(21.0, within(1e-9));
        assertThat(Contrast.ratio(c("#777777"), Color.WHITE)).isCloseTo(4.48, within(0.01));
        assertThat(Contrast.ratio(c("#767676"), Color.WHITE)).isCloseTo(4.54, within(0.01));
        assertThat(Contrast.ratio(c("#888888"), Color.WHITE)).isCloseTo(3.54, within(0.01));
        // white on the yellow of a bad call-to-action button; near-black on it
        assertThat(Contrast.ratio(Color.WHITE, c("#FFD400"))).isCloseTo(1.43, within(0.01));
        assertThat(Contrast.ratio(c("#111827"), c("#FFD400"))).isCloseTo(12.4, within(0.1));
        assertThat(Contrast.ratio(c("#3B5BDB"), c("#3B5BDB"))).isEqualTo(1.0);
    }

    @Test
    void aTextColourThatReadsIsKeptAndOneThatDoesNotBecomesTheBetterOfLightAndDark() {
        assertThat(Contrast.text(c("#C2255C"), Color.WHITE)).isEqualTo(c("#C2255C"));
        assertThat(Contrast.text(Color.WHITE, c("#FFD400"))).isEqualTo(Contrast.DARK);
        assertThat(Contrast.text(c("#FFD400"), Color.WHITE)).isEqualTo(Contrast.DARK);
        assertThat(Contrast.text(c("#1C2541"), c("#3B3B3B"))).isEqualTo(Contrast.LIGHT);
        // #888888: white reaches 3.54, near-black 5.0
        assertThat(Contrast.text(Color.WHITE, c("#888888"))).isEqualTo(Contrast.DARK);
    }

    @Test
    void aMidToneFillIsMovedJustFarEnoughAndKeepsItsHue() {
        Color mid = c("#7F7F7F");
        // neither reaches 4.5:1 here: white 4.0, near-black 4.43
        assertThat(Contrast.ratio(Contrast.LIGHT, mid)).isLessThan(4.5);
        assertThat(Contrast.ratio(Contrast.DARK, mid)).isLessThan(4.5);
        Contrast.Pair pair = Contrast.readable(Color.WHITE, mid);
        assertThat(pair.text()).isEqualTo(Contrast.DARK);
        assertThat(Contrast.ratio(pair.text(), pair.fill())).isGreaterThanOrEqualTo(4.5).isLessThan(4.7);
        // lightened under dark text, still grey
        assertThat(pair.fill().getRed()).isGreaterThan(0x7F).isEqualTo(pair.fill().getGreen()).isEqualTo(pair.fill().getBlue());

        Color teal = c("#2F8F8F");
        Color darker = Contrast.fill(Color.WHITE, teal);
        assertThat(Contrast.ratio(Color.WHITE, darker)).isGreaterThanOrEqualTo(4.5);
        assertThat(darker.getRed()).isLessThan(teal.getRed());
        assertThat(darker.getGreen()).isEqualTo(darker.getBlue()).isGreaterThan(darker.getRed());
        // a fill that already reads is left alone
        assertThat(Contrast.fill(Color.WHITE, c("#1C2541"))).isEqualTo(c("#1C2541"));
    }

    @Test
    void aTranslucentColourIsWhatItLooksLikeOverItsBackdrop() {
        assertThat(Contrast.over(new Color(255, 255, 255, 128), Color.BLACK, 1)).isEqualTo(new Color(128, 128, 128));
        assertThat(Contrast.over(Color.WHITE, Color.BLACK, 0.5)).isEqualTo(new Color(128, 128, 128));
        assertThat(Contrast.over(Color.RED, Color.BLUE, 1)).isEqualTo(Color.RED);
        assertThat(Contrast.hex(c("#0a0b0c"))).isEqualTo("#0A0B0C");
    }
}
