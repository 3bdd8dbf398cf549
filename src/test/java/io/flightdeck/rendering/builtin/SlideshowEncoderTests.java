package io.flightdeck.rendering.builtin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jcodec.api.FrameGrab;
import org.jcodec.common.Codec;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MP4 read back with a decoder: H.264, the frame count and duration asked for, frames that differ, cross-fades. */
class SlideshowEncoderTests {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    static BufferedImage solid(Color c, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static Color centre(BufferedImage frame) {
        long r = 0, g = 0, b = 0, n = 0;
        for (int y = frame.getHeight() / 2 - 10; y < frame.getHeight() / 2 + 10; y++) {
            for (int x = frame.getWidth() / 2 - 10; x < frame.getWidth() / 2 + 10; x++) {
                Color c = new Color(frame.getRGB(x, y));
                r += c.getRed();
                g += c.getGreen();
                b += c.getBlue();
                n++;
            }
        }
        return new Color((int) (r / n), (int) (g / n), (int) (b / n));
    }

    @Test
    void threeSlidesMakeAnH264VideoOfTheAskedLengthWithDifferentFramesAndBlends() throws Exception {
        Path file = dir.resolve("show.mp4");
        List<SlideshowEncoder.Slide> slides = List.of(new SlideshowEncoder.Slide(solid(Color.RED, 320, 240), 1),
                new SlideshowEncoder.Slide(solid(Color.GREEN, 320, 240), 1),
                new SlideshowEncoder.Slide(solid(Color.BLUE, 320, 240), 1));
        int[] reported = {0};
        var result = SlideshowEncoder.encode(slides, new SlideshowEncoder.Options(320, 240, 10, 0.3), file,
                written -> { reported[0] = written; return true; });

        assertThat(result.frames()).isEqualTo(30).isEqualTo(SlideshowEncoder.frameCount(slides, 10));
        assertThat(reported[0]).isEqualTo(30);
        assertThat(result.durationSeconds()).isEqualTo(3.0);
        assertThat(result.poster().getWidth()).isEqualTo(320);
        assertThat(centre(result.poster()).getRed()).isGreaterThan(200);

        File f = file.toFile();
        FrameGrab grab = FrameGrab.createFrameGrab(NIOUtils.readableChannel(f));
        DemuxerTrackMeta meta = grab.getVideoTrack().getMeta();
        assertThat(meta.getCodec()).isEqualTo(Codec.H264);
        assertThat(meta.getTotalFrames()).isEqualTo(30);
        assertThat(meta.getTotalDuration()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));

        BufferedImage[] frames = new BufferedImage[30];
        for (int i = 0; i < 30; i++) {
            Picture p = grab.getNativeFrame();
            frames[i] = AWTUtil.toBufferedImage(p);
        }
        assertThat(centre(frames[0]).getRed()).isGreaterThan(200);
        assertThat(centre(frames[15]).getGreen()).isGreaterThan(200);
        assertThat(centre(frames[29]).getBlue()).isGreaterThan(200);
        // frame 9 is the last of the red slide: the fade into green has begun, so both show
        Color blend = centre(frames[9]);
        assertThat(blend.getRed()).isGreaterThan(40);
        assertThat(blend.getGreen()).isGreaterThan(40);
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void aNonSquareImageCoversTheFrameWithoutBars() throws Exception {
        Path file = dir.resolve("wide.mp4");
        var slides = List.of(new SlideshowEncoder.Slide(solid(Color.WHITE, 400, 100), 0.5),
                new SlideshowEncoder.Slide(solid(Color.WHITE, 100, 400), 0.5));
        SlideshowEncoder.encode(slides, new SlideshowEncoder.Options(160, 160, 10, 0), file, null);
        FrameGrab grab = FrameGrab.createFrameGrab(NIOUtils.readableChannel(file.toFile()));
        BufferedImage first = AWTUtil.toBufferedImage(grab.getNativeFrame());
        assertThat(new Color(first.getRGB(2, 2)).getRed()).isGreaterThan(200);
        assertThat(new Color(first.getRGB(157, 157)).getBlue()).isGreaterThan(200);
    }

    @Test
    void theListenerCanStopTheEncoding() {
        var slides = List.of(new SlideshowEncoder.Slide(solid(Color.RED, 64, 64), 1));
        assertThatThrownBy(() -> SlideshowEncoder.encode(slides, new SlideshowEncoder.Options(64, 64, 10, 0),
                dir.resolve("stop.mp4"), written -> written < 3)).isInstanceOf(SlideshowEncoder.StoppedException.class);
    }

    @Test
    void badOptionsAreRefusedNamingTheField() {
        var one = List.of(new SlideshowEncoder.Slide(solid(Color.RED, 64, 64), 1));
        Path out = dir.resolve("bad.mp4");
        assertThatThrownBy(() -> SlideshowEncoder.encode(one, new SlideshowEncoder.Options(65, 64, 10, 0), out, null))
                .hasMessageStartingWith("width/height");
        assertThatThrownBy(() -> SlideshowEncoder.encode(one, new SlideshowEncoder.Options(64, 64, 0, 0), out, null))
                .hasMessageStartingWith("fps");
        assertThatThrownBy(() -> SlideshowEncoder.encode(List.of(), new SlideshowEncoder.Options(64, 64, 10, 0), out, null))
                .hasMessageStartingWith("slides");
        assertThatThrownBy(() -> SlideshowEncoder.encode(one, new SlideshowEncoder.Options(64, 64, 10, 0.6), out, null))
                .hasMessageStartingWith("transitionSeconds");
    }
}
