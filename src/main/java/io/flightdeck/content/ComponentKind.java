package io.flightdeck.content;

/** The parts of a creative. Text parts are written by a person or a generator; image and video point at assets. */
public enum ComponentKind {
    CAPTION("Caption", TextKind.CAPTION),
    HASHTAGS("Hashtags", TextKind.HASHTAGS),
    HEADLINE("Headline", TextKind.HEADLINE),
    CTA("Call to action", TextKind.CTA),
    SCRIPT("Video script", TextKind.SCRIPT),
    IMAGE("Image", null),
    VIDEO("Video", null);

    private final String label;
    private final TextKind textKind;

    ComponentKind(String label, TextKind textKind) {
        this.label = label;
        this.textKind = textKind;
    }

    public String label() {
        return label;
    }

    /** What a generator is asked for this part; null for image and video. */
    public TextKind textKind() {
        return textKind;
    }

    public boolean isText() {
        return textKind != null;
    }

    /** The URL path segment, e.g. {@code caption}, {@code cta}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ComponentKind fromSlug(String slug) {
        for (ComponentKind kind : values()) {
            if (kind.slug().equalsIgnoreCase(slug)) {
                return kind;
            }
        }
        throw new io.flightdeck.shared.NotFoundException("Component " + slug);
    }
}
