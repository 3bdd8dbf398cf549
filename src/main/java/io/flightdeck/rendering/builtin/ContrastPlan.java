package io.flightdeck.rendering.builtin;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.rendering.builtin.LayoutTemplate.Box;
import io.flightdeck.rendering.builtin.LayoutTemplate.Layer;
import io.flightdeck.rendering.builtin.LayoutTemplate.LayerType;

/**
 * The colours a template is drawn in so that its text reads at 4.5:1 (WCAG AA), decided from the layers' boxes and
 * colours before anything is drawn. The backdrop of a text layer is what lies under the middle of its box: the
 * canvas's colour with every earlier shape that covers that point painted over it, with its opacity. Text that
 * reaches less than 4.5:1 on its backdrop becomes white or near-black, whichever reads better, and is drawn opaque;
 * when neither reaches 4.5:1 (a mid-tone such as #7F7F7F), the topmost of those shapes (or the canvas) is darkened or
 * lightened until it does, and drawn opaque. A photo or logo under text cannot be planned: such text is checked
 * against the pixels under it when it is drawn ({@link #onPixels}).
 */
final class ContrastPlan {

    private static final int PASSES = 3;

    private final List<Layer> layers;
    private Color background;
    private final Map<Integer, Color> colours = new HashMap<>();
    private final Set<Integer> opaque = new HashSet<>();
    private final Set<Integer> overImages = new HashSet<>();

    private ContrastPlan(List<Layer> layers, Color background) {
        this.layers = layers;
        this.background = background;
    }

    static ContrastPlan of(LayoutTemplate template, RenderInputs inputs) {
        Color canvas = ImageComposer.colour(template.background() == null ? "{brand.background}" : template.background(),
                inputs);
        // the canvas starts black; a translucent background colour is what it looks like over that
        ContrastPlan plan = new ContrastPlan(template.layers(), Contrast.over(canvas, Color.BLACK, 1));
        for (int i = 0; i < plan.layers.size(); i++) {
            Layer l = plan.layers.get(i);
            if (l.type() == LayerType.SHAPE) {
                plan.colours.put(i, ImageComposer.colour(l.color() == null ? "{brand.primary}" : l.color(), inputs));
            } else if (l.type() == LayerType.TEXT) {
                plan.colours.put(i, ImageComposer.colour(l.color() == null ? "{brand.text}" : l.color(), inputs));
            }
        }
        // a fill changed for one text may leave another on it short: go again until nothing changes
        for (int pass = 0; pass < PASSES && plan.pass(inputs); pass++) {
            // next pass
        }
        return plan;
    }

    /** The canvas's colour. */
    Color background() {
        return background;
    }

    /** The colour a shape or text layer is drawn in. */
    Color colour(int layer) {
        return colours.get(layer);
    }

    /** The opacity a layer is drawn with: its own, or 1 once its colour was replaced for contrast. */
    float alpha(int layer) {
        return opaque.contains(layer) ? 1f : (float) layers.get(layer).alpha();
    }

    /** Whether a photo or logo lies under this text layer, so that its colour is checked on the pixels. */
    boolean overImage(int layer) {
        return overImages.contains(layer);
    }

    /** @return whether a fill changed */
    private boolean pass(RenderInputs inputs) {
        boolean changed = false;
        for (int i = 0; i < layers.size(); i++) {
            Layer text = layers.get(i);
            if (text.type() != LayerType.TEXT || text.box() == null) {
                continue;
            }
            double cx = text.box().x() + text.box().width() / 2;
            double cy = text.box().y() + text.box().height() / 2;
            Color under = background;
            int top = -1;
            int lastOpaque = -1;
            for (int j = 0; j < i; j++) {
                Layer l = layers.get(j);
                if (l.type() == LayerType.SHAPE && l.box() != null && contains(l.box(), cx, cy)) {
                    under = Contrast.over(colours.get(j), under, alpha(j));
                    top = j;
                    if (colours.get(j).getAlpha() == 255 && alpha(j) >= 1f) {
                        lastOpaque = j;
                    }
                }
            }
            for (int j = lastOpaque + 1; j < i; j++) {
                Layer l = layers.get(j);
                boolean shown = l.type() == LayerType.IMAGE && inputs.background() != null
                        || l.type() == LayerType.LOGO && inputs.logo() != null;
                if (shown && l.box() != null && overlaps(l.box(), text.box())) {
                    overImages.add(i);
                }
            }
            Color seen = Contrast.over(colours.get(i), under, alpha(i));
            if (Contrast.ratio(seen, under) >= Contrast.MINIMUM) {
                continue;
            }
            Contrast.Pair readable = Contrast.readable(seen, under);
            colours.put(i, readable.text());
            opaque.add(i);
            if (!readable.fill().equals(under)) {
                if (top < 0) {
                    background = readable.fill();
                } else {
                    colours.put(top, readable.fill());
                    opaque.add(top);
                }
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The text colour to draw over the pixels of its box (a photo under it): the planned one when at least 90% of
     * the pixels give it 4.5:1, else whichever of the planned colour, white and near-black reads on the most of them.
     * Sampled every fourth pixel each way.
     */
    static Color onPixels(BufferedImage canvas, int x, int y, int w, int h, Color text) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(canvas.getWidth(), x + w);
        int y1 = Math.min(canvas.getHeight(), y + h);
        if (x1 <= x0 || y1 <= y0) {
            return text;
        }
        double[] lum = new double[((x1 - x0 + 3) / 4) * ((y1 - y0 + 3) / 4)];
        int n = 0;
        for (int py = y0; py < y1; py += 4) {
            for (int px = x0; px < x1; px += 4) {
                lum[n++] = Contrast.luminance(new Color(canvas.getRGB(px, py)));
            }
        }
        double[] sampled = Arrays.copyOf(lum, n);
        Color best = text;
        double bestScore = score(sampled, text);
        if (bestScore >= Contrast.MINIMUM) {
            return text;
        }
        for (Color candidate : List.of(Contrast.LIGHT, Contrast.DARK)) {
            double s = score(sampled, candidate);
            if (s > bestScore) {
                best = candidate;
                bestScore = s;
            }
        }
        return best;
    }

    /** The ratio the text reaches on at least 90% of the pixels (given by their luminances). */
    private static double score(double[] luminances, Color text) {
        double lt = Contrast.luminance(text);
        double[] ratios = new double[luminances.length];
        for (int i = 0; i < luminances.length; i++) {
            ratios[i] = (Math.max(lt, luminances[i]) + 0.05) / (Math.min(lt, luminances[i]) + 0.05);
        }
        Arrays.sort(ratios);
        return ratios[Math.min(ratios.length - 1, ratios.length / 10)];
    }

    private static boolean contains(Box b, double x, double y) {
        return x >= b.x() && x <= b.x() + b.width() && y >= b.y() && y <= b.y() + b.height();
    }

    private static boolean overlaps(Box a, Box b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
                && b.y() < a.y() + a.height();
    }
}
