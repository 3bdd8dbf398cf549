package io.flightdeck.email.templates;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.function.Supplier;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.links.SignedTokens;

/**
 * Signed addresses of the asset library's images in email ({@code <base>/t/i/<token>}): a recipient's mail client
 * loads them without a session. The token is a {@link SignedTokens} token of purpose {@value #KEY_PURPOSE} whose
 * payload is the workspace id and the asset id: 66 characters that reveal only two ids. Generation 1 of the kit is the layout
 * these links had before it, so images in mail already sent still load.
 * <p>
 * Links are made under an http base address too (a laptop), so previews and the outbox show the image; only an https
 * public address reaches recipients' mail apps, which the picker says ({@link #recipientsNote}).
 * <p>
 * They do not expire: mail is opened months later. What stops one is the image itself: an archived or deleted asset
 * is no longer served. The keys are this purpose's alone, so these tokens never pass as tracking tokens or the other
 * way round.
 */
public final class TemplateImageLinks {

    public static final String KEY_PURPOSE = "flightdeck:email-template-images";
    public static final String PATH = "/t/i/";

    private static final int PAYLOAD_BYTES = 16 + 16;

    private final SignedTokens tokens;
    private final String baseUrl;
    private final Supplier<String> localBase;

    /**
     * @param tokens    of purpose {@link #KEY_PURPOSE}, without a lifetime
     * @param baseUrl   the installation's public address ({@code flightdeck.base-url}); blank when not set
     * @param localBase the address links are made under while {@code baseUrl} is blank: the one the request came in
     *                  on, else this node's on localhost
     */
    public TemplateImageLinks(SignedTokens tokens, String baseUrl, Supplier<String> localBase) {
        this.tokens = tokens;
        this.baseUrl = withoutSlash(baseUrl == null ? "" : baseUrl.strip());
        this.localBase = localBase;
    }

    /**
     * Whether recipients' mail apps can load the images: only from a public https address. Over http (a laptop, the
     * default) links are made all the same, because the previews and the outbox show them; mail apps block plain http
     * images or cannot reach the address at all.
     */
    public boolean reachesRecipients() {
        return baseUrl.regionMatches(true, 0, "https://", 0, 8);
    }

    /** What the picker says while recipients cannot see the images, in plain words; null when they can. */
    public String recipientsNote() {
        if (reachesRecipients()) {
            return null;
        }
        return "Images you insert show in the preview and in the outbox, but your recipients' mail apps will not show "
                + "them yet: they need this installation's public https address, and it is "
                + (baseUrl.isEmpty() ? "not set" : baseUrl) + ". Ask whoever runs Flightdeck to set FLIGHTDECK_BASE_URL "
                + "to it before you send.";
    }

    public String url(UUID workspaceId, UUID assetId) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(workspaceId.getMostSignificantBits()).putLong(workspaceId.getLeastSignificantBits())
                .putLong(assetId.getMostSignificantBits()).putLong(assetId.getLeastSignificantBits());
        String base = baseUrl.isEmpty() ? withoutSlash(localBase.get()) : baseUrl;
        return base + PATH + tokens.sign(payload.array());
    }

    public record Image(UUID workspaceId, UUID assetId) {
    }

    /** The image a token names; anything forged, altered or malformed is not found. */
    public Image verify(String token) {
        ByteBuffer ids = tokens.open(token).filter(payload -> payload.remaining() == PAYLOAD_BYTES)
                .orElseThrow(TemplateImageLinks::notFound);
        return new Image(new UUID(ids.getLong(), ids.getLong()), new UUID(ids.getLong(), ids.getLong()));
    }

    private static String withoutSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Image");
    }
}
