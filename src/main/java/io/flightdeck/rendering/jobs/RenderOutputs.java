package io.flightdeck.rendering.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetIntake;
import io.flightdeck.rendering.jobs.RenderProvider.Output;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PayloadTooLargeException;
import org.springframework.stereotype.Component;

/**
 * Downloads a finished render's outputs into the asset library, one at a time and streamed. The library stores the
 * same bytes once, so a step repeated after a crash finds the assets it stored before instead of adding copies.
 */
@Component
class RenderOutputs {

    /** Where a finished render's outputs went. */
    record Stored(UUID primary, UUID poster, List<RenderJobVariant> variants, String primaryHash) {
    }

    private final AssetIntake intake;

    RenderOutputs(AssetIntake intake) {
        this.intake = intake;
    }

    Stored store(RenderJob job, List<Output> outputs) {
        if (outputs.isEmpty()) {
            throw new RenderProviderException("no-output", "The provider finished without any output.", true);
        }
        UUID primary = null;
        UUID poster = null;
        String hash = null;
        boolean primaryMarked = false;
        List<RenderJobVariant> variants = new ArrayList<>();
        Set<String> tags = Set.of("rendered", job.getProvider());
        for (Output output : outputs) {
            try (InputStream raw = output.source().open()) {
                MessageDigest sha = sha256();
                AssetCard card = intake.store(new DigestInputStream(raw, sha), output.fileName(), job.getCampaignId(), tags);
                if (output.role() == Output.Role.POSTER) {
                    poster = card.id();
                    continue;
                }
                variants.add(new RenderJobVariant(output.label(), card.id()));
                // the primary is the output marked so, else the first one
                if (primary == null || output.role() == Output.Role.PRIMARY && !primaryMarked) {
                    primary = card.id();
                    hash = HexFormat.of().formatHex(sha.digest());
                    primaryMarked = output.role() == Output.Role.PRIMARY;
                }
            } catch (IOException e) {
                throw new RenderProviderException("download-failed", "Could not download the output “"
                        + output.fileName() + "”: " + e.getMessage(), true, null, e);
            } catch (UncheckedIOException e) {
                throw new RenderProviderException("download-failed", "Could not store the output “"
                        + output.fileName() + "”: " + e.getMessage(), true, null, e);
            } catch (PayloadTooLargeException e) {
                throw new RenderProviderException("output-too-large", "The output “" + output.fileName()
                        + "” is larger than this workspace's upload limit.", false, null, e);
            } catch (NotFoundException e) {
                throw new RenderProviderException("campaign-gone", "The job's campaign is gone; its outputs have "
                        + "nowhere to go.", false, null, e);
            }
        }
        return new Stored(primary, poster, variants, hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
