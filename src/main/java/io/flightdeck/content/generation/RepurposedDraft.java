package io.flightdeck.content.generation;

import java.util.List;

/**
 * One variation of one format.
 *
 * @param text  the whole piece as it would be pasted (an X thread's posts joined by blank lines)
 * @param posts an X thread's posts, each within 280 characters; the one text otherwise
 */
public record RepurposedDraft(RepurposeFormat format, int variation, String text, List<String> posts) {
}
