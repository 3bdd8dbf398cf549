package io.flightdeck.rendering.builtin;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;

import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * Writes slides as an H.264 MP4 slideshow with cross-fades. JCodec is pure Java: a user's laptop needs no ffmpeg or
 * native library, and the same slides give the same bytes. Frames are made one at a time, so memory does not grow
 * with the video's length.
 */
final class SlideshowEncoder {

    /** One slide, shown for this many seconds; the cross-fade into the next takes the end of it. */
    record Slide(BufferedImage image, double seconds) {
    }

    /** Sides even (H.264's 4:2:0 needs them so), 16–1920; fps 1–60; the transition at most half the shortest slide. */
    record Options(int width, int height, int fps, double transitionSeconds) {
    }

    /** What was written: frame count, duration (frames ÷ fps) and the poster (the first slide, fully shown). */
    record Result(int frames, double durationSeconds, BufferedImage poster) {
    }

    /** Thrown when the frame listener asks to stop (the job was cancelled); the file is left unfinished. */
    static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("Stopped by the caller");
        }
    }

    private SlideshowEncoder() {
    }

    static int frameCount(List<Slide> slides, int fps) {
        return slides.stream().mapToInt(s -> (int) Math.round(s.seconds() * fps)).sum();
    }

    /**
     * @param onFrame told the number of frames written so far after each one; answering false stops the encoding
     */
    static Result encode(List<Slide> slides, Options options, Path target, IntPredicate onFrame) throws IOException {
        check(slides, options);
        int fps = options.fps();
        int transitionFrames = (int) Math.round(options.transitionSeconds() * fps);
        List<BufferedImage> covered = slides.stream().map(s -> cover(s.image(), options.width(), options.height())).toList();
        BufferedImage frame = new BufferedImage(options.width(), options.height(), BufferedImage.TYPE_3BYTE_BGR);
        int written = 0;
        SeekableByteChannel channel = NIOUtils.writableChannel(target.toFile());
        try {
            AWTSequenceEncoder encoder = new AWTSequenceEncoder(channel, Rational.R(fps, 1));
            for (int i = 0; i < slides.size(); i++) {
                int frames = (int) Math.round(slides.get(i).seconds() * fps);
                boolean last = i == slides.size() - 1;
                for (int f = 0; f < frames; f++) {
                    int intoTransition = f - (frames - transitionFrames);
                    Graphics2D g = frame.createGraphics();
                    g.drawImage(covered.get(i), 0, 0, null);
                    if (!last && transitionFrames > 0 && intoTransition >= 0) {
                        float alpha = (intoTransition + 1f) / (transitionFrames + 1f);
                        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
                        g.drawImage(covered.get(i + 1), 0, 0, null);
                    }
                    g.dispose();
                    encoder.encodeImage(frame);
                    written++;
                    if (onFrame != null && !onFrame.test(written)) {
                        throw new StoppedException();
                    }
                }
            }
            encoder.finish();
        } finally {
            NIOUtils.closeQuietly(channel);
        }
        return new Result(written, (double) written / fps, copy(covered.get(0)));
    }

    private static void check(List<Slide> slides, Options o) {
        if (slides == null || slides.isEmpty()) {
            throw new IllegalArgumentException("slides: at least one slide");
        }
        if (o.width() % 2 != 0 || o.height() % 2 != 0 || o.width() < 16 || o.height() < 16 || o.width() > 1920
                || o.height() > 1920) {
            throw new IllegalArgumentException("width/height: even, from 16 to 1920, not " + o.width() + "×" + o.height());
        }
        if (o.fps() < 1 || o.fps() > 60) {
            throw new IllegalArgumentException("fps: from 1 to 60, not " + o.fps());
        }
        double shortest = slides.stream().mapToDouble(Slide::seconds).min().orElse(0);
        if (shortest <= 0) {
            throw new IllegalArgumentException("seconds: every slide is shown for some time");
        }
        if (o.transitionSeconds() < 0 || o.transitionSeconds() > shortest / 2) {
            throw new IllegalArgumentException("transitionSeconds: from 0 to half the shortest slide (" + shortest / 2 + " s)");
        }
    }

    /** The image scaled to fill the frame, centred, the overflow cropped. */
    static BufferedImage cover(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        double scale = Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
        int w = (int) Math.ceil(source.getWidth() * scale);
        int h = (int) Math.ceil(source.getHeight() * scale);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, (width - w) / 2, (height - h) / 2, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
