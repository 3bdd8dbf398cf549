package io.flightdeck.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.jcodec.api.awt.AWTSequenceEncoder;

/** Real H.264 MP4 files made on the spot, for tests of any module that upload or inspect a video. */
public final class SampleVideos {

    private SampleVideos() {
    }

    /** An H.264 MP4 of {@code seconds} at {@code fps}: a ball crossing a gradient, the frame number in the corner. */
    public static Path mp4(Path file, int width, int height, int fps, int seconds) throws IOException {
        return mp4Frames(file, width, height, fps, fps * seconds);
    }

    public static Path mp4Frames(Path file, int width, int height, int fps, int frames) throws IOException {
        AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file.toFile(), fps);
        for (int i = 0; i < frames; i++) {
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = frame.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(20, 40, 120), width, height, new Color(240, 180, 60)));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.WHITE);
            int x = i * (width - height / 4) / Math.max(1, frames - 1);
            g.fillOval(x, height / 3, height / 4, height / 4);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height / 8));
            g.drawString("#" + i, 10, height / 6);
            g.dispose();
            encoder.encodeImage(frame);
        }
        encoder.finish();
        return file;
    }
}
