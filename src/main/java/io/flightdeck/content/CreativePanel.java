package io.flightdeck.content;

/**
 * A card another module adds to the creative editor (rendering's "Render" card). The editor loads it with
 * {@code hx-get} from the module's own controller, so content never depends on another module's web layer. When the
 * card changes the creative's media it fires {@code creative-media-changed} on the body, and the editor reloads its
 * image and video card. Declare one as a bean.
 *
 * @param pathTemplate the fragment's path with {@code {id}} for the creative id
 */
public record CreativePanel(String key, String title, String pathTemplate, int order) {

    public String pathFor(Object creativeId) {
        return pathTemplate.replace("{id}", String.valueOf(creativeId));
    }
}
