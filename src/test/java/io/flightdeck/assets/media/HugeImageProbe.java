package io.flightdeck.assets.media;

import java.nio.file.Path;

/**
 * Run in a JVM whose heap is far smaller than the image's full raster ({@link ImageInspectionTests}): inspects the
 * image and prints its facts. Decoding the image whole would run out of heap and fail the run.
 */
public final class HugeImageProbe {

    private HugeImageProbe() {
    }

    public static void main(String[] args) throws Exception {
        MediaFacts facts = MediaInspector.inspect(Path.of(args[0]), "image/png");
        if (!facts.readable()) {
            throw new IllegalStateException(facts.unreadableReason());
        }
        System.out.println("size " + facts.width() + "x" + facts.height());
        for (Rendition rendition : facts.renditions()) {
            System.out.println(rendition.name() + " " + rendition.mimeType() + " " + rendition.width() + "x" + rendition.height());
        }
        System.out.println("hash " + Long.toHexString(facts.perceptualHash()));
        System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    }
}
