package io.flightdeck.rendering.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What a render draws from: the creative's words, the brand's look, and images from the library.
 *
 * @param brandColours the brand's colours in its order (primary, secondary, accent), {@code #rrggbb}
 * @param logo         the brand's first logo; null when it has none
 * @param images       the creative's image (or, for a slideshow, images in order); may be empty
 */
public record RenderMaterial(String headline, String cta, String caption, String brandName, List<String> brandColours,
        String headingFont, String bodyFont, Media logo, List<Media> images) {

    public RenderMaterial {
        brandColours = brandColours == null ? List.of() : List.copyOf(brandColours);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** An image from the library, read when a renderer needs it. */
    public interface Media {
        String name();

        String mimeType();

        InputStream open() throws IOException;
    }
}
