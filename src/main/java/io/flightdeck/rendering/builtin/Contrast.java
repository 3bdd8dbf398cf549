package io.flightdeck.rendering.builtin;

import java.awt.Color;

/**
 * WCAG 2 contrast, pure: the relative luminance of an sRGB colour, the contrast ratio of two, and the colours that
 * make text readable on a fill (4.5:1, level AA for normal text). No state, no Java2D drawing.
 */
final class Contrast {

    /** WCAG 2.x level AA for normal-size text. */
    static final double MINIMUM = 4.5;

    /** The light and dark text a fill falls back on: white, and the near-black of the default brand text colour. */
    static final Color LIGHT = new Color(0xFFFFFF);
    static final Color DARK = new Color(0x111827);

    private Contrast() {
    }

    /** WCAG's relative luminance, 0 (black) to 1 (white); alpha is ignored. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    /** The contrast ratio of two colours, 1 (the same) to 21 (black on white), whichever is lighter. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** What a colour looks like painted with its own alpha times {@code opacity} over an opaque backdrop. */
    static Color over(Color c, Color backdrop, double opacity) {
        double a = c.getAlpha() / 255.0 * opacity;
        if (a >= 1) {
            return new Color(c.getRGB() | 0xFF000000);
        }
        return new Color(mix(backdrop.getRed(), c.getRed(), a), mix(backdrop.getGreen(), c.getGreen(), a),
                mix(backdrop.getBlue(), c.getBlue(), a));
    }

    /** The text colour to draw on the fill: the wanted one when it reaches 4.5:1, else the better of light and dark. */
    static Color text(Color wanted, Color fill) {
        if (ratio(wanted, fill) >= MINIMUM) {
            return wanted;
        }
        return ratio(LIGHT, fill) >= ratio(DARK, fill) ? LIGHT : DARK;
    }

    /**
     * The fill, unchanged when the text reaches 4.5:1 on it; else darkened (under light text) or lightened (under dark
     * text) by the least mix with black or white that does, so it keeps its hue. A mid-tone such as #7F7F7F, on which
     * neither white nor near-black reaches 4.5:1, is the case this is for.
     */
    static Color fill(Color text, Color fill) {
        if (ratio(text, fill) >= MINIMUM) {
            return fill;
        }
        Color target = luminance(text) >= luminance(fill) ? Color.BLACK : Color.WHITE;
        // the ratio grows as the mix goes toward the target: find the least mix that reaches the minimum
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 24; i++) {
            double mid = (lo + hi) / 2;
            if (ratio(text, blend(fill, target, mid)) >= MINIMUM) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Color result = blend(fill, target, hi);
        // rounding to whole channels may land a hair short: step on until it does not
        for (double t = hi; ratio(text, result) < MINIMUM && t < 1; t = Math.min(1, t + 0.005)) {
            result = blend(fill, target, t);
        }
        return result;
    }

    /** Text and fill that reach 4.5:1: {@link #text} first, then {@link #fill} when no text colour is enough. */
    static Pair readable(Color wantedText, Color fill) {
        Color text = text(wantedText, fill);
        return new Pair(text, fill(text, fill));
    }

    record Pair(Color text, Color fill) {
    }

    static String hex(Color c) {
        return String.format("#%06X", c.getRGB() & 0xFFFFFF);
    }

    private static Color blend(Color from, Color to, double t) {
        return new Color(mix(from.getRed(), to.getRed(), t), mix(from.getGreen(), to.getGreen(), t),
                mix(from.getBlue(), to.getBlue(), t));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
