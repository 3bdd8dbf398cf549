package io.flightdeck.rendering.builtin;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.flightdeck.rendering.builtin.LayoutTemplate.Box;
import io.flightdeck.rendering.builtin.LayoutTemplate.Fit;
import io.flightdeck.rendering.builtin.LayoutTemplate.Layer;

/**
 * Draws a layout template with Java2D: in-process and offline, with nothing to install, the same bytes for the same
 * inputs. Text takes the largest size between the layer's minimum and maximum at which it wraps into its box; text
 * that does not fit even at the minimum fails with the layer's name rather than being cut off. Fonts are chosen by
 * {@link FontChoice} (the brand's, else the template's, else bundled Inter) and colours kept readable by
 * {@link ContrastPlan} (4.5:1 for text on its fill).
 */
final class ImageComposer {

    private static final double LINE_HEIGHT = 1.2;

    private ImageComposer() {
    }

    public static BufferedImage compose(LayoutTemplate template, RenderInputs inputs, int width, int height) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // bilinear: a photo scaled to a social size looks the same as with bicubic, at a fraction of the cost
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            ContrastPlan plan = ContrastPlan.of(template, inputs);
            g.setColor(plan.background());
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < template.layers().size(); i++) {
                Layer layer = template.layers().get(i);
                int x = (int) Math.round(layer.box().x() * width);
                int y = (int) Math.round(layer.box().y() * height);
                int w = Math.max(1, (int) Math.round(layer.box().width() * width));
                int h = Math.max(1, (int) Math.round(layer.box().height() * height));
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, plan.alpha(i)));
                switch (layer.type()) {
                    case SHAPE -> shape(g, layer, plan.colour(i), x, y, w, h);
                    case IMAGE -> image(g, layer, inputs.background(), "a background image", x, y, w, h);
                    case LOGO -> image(g, layer, inputs.logo(), "a brand logo", x, y, w, h);
                    case TEXT -> {
                        Color colour = plan.colour(i);
                        if (plan.overImage(i)) {
                            Color readable = ContrastPlan.onPixels(canvas, x, y, w, h, colour);
                            if (!readable.equals(colour)) {
                                colour = readable;
                                g.setComposite(AlphaComposite.SrcOver);
                            }
                        }
                        text(g, template, layer, inputs, colour, new Rectangle(x, y, w, h), height);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /**
     * PNG, or JPEG at quality 0.9. PNG is written with a fast deflate level: ImageIO's default is the slowest level,
     * which takes several times as long for files a few per cent smaller.
     */
    public static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        boolean png = "png".equals(format);
        ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(png ? PNG_SPEED : 0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** ImageIO's PNG writer maps quality q to deflate level 9 − round(9q): 0.75 is level 2, fast and still compact. */
    static final float PNG_SPEED = Float.parseFloat(System.getProperty("flightdeck.png-speed", "0.75"));

    private static void shape(Graphics2D g, Layer layer, Color colour, int x, int y, int w, int h) {
        g.setColor(colour);
        double r = layer.cornerRadius() == null ? 0 : layer.cornerRadius() * Math.min(w, h);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, r * 2, r * 2));
    }

    private static void image(Graphics2D g, Layer layer, BufferedImage source, String what, int x, int y, int w, int h) {
        if (source == null) {
            if (layer.isOptional()) {
                return;
            }
            throw new LayerFitException(layer.name(), "Layer “" + layer.name() + "” needs " + what + ".");
        }
        Fit fit = layer.fit() != null ? layer.fit() : layer.type() == LayoutTemplate.LayerType.LOGO ? Fit.CONTAIN : Fit.COVER;
        int sw = source.getWidth();
        int sh = source.getHeight();
        switch (fit) {
            case FILL -> g.drawImage(source, x, y, w, h, null);
            case CONTAIN -> {
                double scale = Math.min((double) w / sw, (double) h / sh);
                int dw = (int) Math.round(sw * scale);
                int dh = (int) Math.round(sh * scale);
                g.drawImage(source, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh, null);
            }
            case COVER -> {
                // the part of the source with the box's proportions that keeps the focal point where it is, as far
                // as the source's edges allow
                double scale = Math.max((double) w / sw, (double) h / sh);
                double cw = w / scale;
                double ch = h / scale;
                double fx = layer.focal() == null ? 0.5 : layer.focal().x();
                double fy = layer.focal() == null ? 0.5 : layer.focal().y();
                double cx = clamp(fx * sw - fx * cw, 0, sw - cw);
                double cy = clamp(fy * sh - fy * ch, 0, sh - ch);
                g.drawImage(source, x, y, x + w, y + h, (int) Math.round(cx), (int) Math.round(cy),
                        (int) Math.round(cx + cw), (int) Math.round(cy + ch), null);
            }
        }
    }

    private static void text(Graphics2D g, LayoutTemplate template, Layer layer, RenderInputs inputs, Color colour,
            Rectangle box, int canvasHeight) {
        int x = box.x;
        int y = box.y;
        int w = box.width;
        int h = box.height;
        String text = fill(layer.text(), inputs).strip();
        if (text.isEmpty()) {
            if (layer.isOptional()) {
                return;
            }
            throw new LayerFitException(layer.name(), "Layer “" + layer.name() + "” has no text: "
                    + missingWhat(layer.text()) + ".");
        }
        Font base = FontChoice.choose(layer, template, inputs).font(Boolean.TRUE.equals(layer.bold()));
        int min = Math.max(6, (int) Math.floor(layer.minSize() * canvasHeight));
        int max = Math.max(min, (int) Math.floor(layer.maxSize() * canvasHeight));
        Fitted fitted = fit(g, base, text, w, h, min, max);
        if (fitted == null) {
            throw new LayerFitException(layer.name(), "The text of layer “" + layer.name()
                    + "” does not fit its box even at the minimum size (" + min + " px); shorten the text or enlarge the box.");
        }
        g.setFont(fitted.font());
        g.setColor(colour);
        FontMetrics m = g.getFontMetrics();
        int lineHeight = (int) Math.round(fitted.font().getSize() * LINE_HEIGHT);
        int blockHeight = lineHeight * fitted.lines().size();
        int top = y + (h - blockHeight) / 2;
        for (int i = 0; i < fitted.lines().size(); i++) {
            String line = fitted.lines().get(i);
            int lw = m.stringWidth(line);
            int lx = switch (layer.align() == null ? "left" : layer.align()) {
                case "center" -> x + (w - lw) / 2;
                case "right" -> x + w - lw;
                default -> x;
            };
            int baseline = top + i * lineHeight + (lineHeight - (m.getAscent() + m.getDescent())) / 2 + m.getAscent();
            g.drawString(line, lx, baseline);
        }
    }

    record Fitted(Font font, List<String> lines) {
    }

    /** The largest size from max down to min at which the text wraps into the box; null when none does. */
    static Fitted fit(Graphics2D g, Font base, String text, int w, int h, int min, int max) {
        int lo = min;
        int hi = max;
        Fitted best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Font f = base.deriveFont((float) mid);
            List<String> lines = wrap(g.getFontMetrics(f), text, w);
            if (lines != null && Math.round(mid * LINE_HEIGHT) * lines.size() <= h) {
                best = new Fitted(f, lines);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** Words wrapped to the width; null when a single word is wider than the line (it would have to be cut). */
    static List<String> wrap(FontMetrics m, String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (m.stringWidth(word) > width) {
                    return null;
                }
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (m.stringWidth(candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    static String fill(String text, RenderInputs inputs) {
        if (text == null) {
            return "";
        }
        return text.replace("{headline}", nullToEmpty(inputs.headline())).replace("{cta}", nullToEmpty(inputs.cta()))
                .replace("{caption}", nullToEmpty(inputs.caption())).replace("{brand.name}", nullToEmpty(inputs.brandName()));
    }

    private static String missingWhat(String text) {
        if (text != null && text.contains("{cta}")) {
            return "the creative needs a call to action";
        }
        if (text != null && text.contains("{headline}")) {
            return "the creative needs a headline";
        }
        return "give it words or mark it optional";
    }

    static Color colour(String value, RenderInputs inputs) {
        String hex = value;
        if (value.startsWith("{brand.")) {
            String role = value.substring("{brand.".length(), value.length() - 1);
            hex = inputs.brandColors() == null ? null : inputs.brandColors().get(role);
            if (hex == null) {
                hex = "text".equals(role) ? "#111827" : "background".equals(role) ? "#FFFFFF" : "#3B5BDB";
            }
        }
        long v = Long.parseLong(hex.substring(1), 16);
        if (hex.length() == 9) {
            return new Color((int) (v >> 24) & 0xff, (int) (v >> 16) & 0xff, (int) (v >> 8) & 0xff, (int) v & 0xff);
        }
        return new Color((int) v);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
