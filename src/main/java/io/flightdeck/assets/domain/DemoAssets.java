package io.flightdeck.assets.domain;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.identity.DemoDataContributor;
import io.flightdeck.identity.DemoWorkspace;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A library worth opening in the demo: each live or ready campaign gets a Meta space with drawn creatives, copy and
 * rights (one licence running out this month), one creative is reused in another campaign, and a re-saved copy of a
 * banner shows the near-duplicate finder at work. Order 50: after the campaigns and their plans.
 */
@Component
@Order(50)
class DemoAssets implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(DemoAssets.class);
    private static final Color[][] PALETTES = {
            {new Color(0x1d4ed8), new Color(0x06b6d4)}, {new Color(0x9333ea), new Color(0xf43f5e)},
            {new Color(0x047857), new Color(0x84cc16)}, {new Color(0xb45309), new Color(0xfacc15)}};

    private final CampaignDirectory campaigns;
    private final CampaignSpaces spaces;
    private final AssetUploads uploads;
    private final AssetLibrary library;
    private final MemberDirectory members;
    private final Clock clock;

    DemoAssets(CampaignDirectory campaigns, CampaignSpaces spaces, AssetUploads uploads, AssetLibrary library,
            MemberDirectory members, Clock clock) {
        this.campaigns = campaigns;
        this.spaces = spaces;
        this.uploads = uploads;
        this.library = library;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public void contribute(DemoWorkspace workspace) {
        MemberSummary writer = members.find(workspace.member(Role.CONTRIBUTOR)).orElseThrow();
        Actor actor = new Actor(writer.userId(), workspace.workspaceId(), Role.CONTRIBUTOR, writer.email(),
                writer.displayName(), ZoneId.of("Europe/Berlin"), null);
        CurrentActor.runAs(actor, () -> {
            List<CampaignSnapshot> shown = new ArrayList<>(campaigns.inStatus(CampaignStatus.ACTIVE, 2));
            shown.addAll(campaigns.inStatus(CampaignStatus.READY, 1));
            List<AssetView> heroes = new ArrayList<>();
            int palette = 0;
            for (CampaignSnapshot campaign : shown) {
                heroes.add(library(campaign, palette++));
            }
            if (heroes.size() > 1) {
                library.reuse(heroes.get(0).id(), library.placement(shown.get(1).id(), null), "Cross-promotion banner");
            }
            log.info("Demo assets: {} campaigns with a space, creatives and copy", shown.size());
            return shown.size();
        });
    }

    /** One campaign's Meta space with two creatives, a re-saved banner, a headline and a call to action. */
    private AssetView library(CampaignSnapshot campaign, int palette) {
        CampaignSpaceView space = spaces.create(new CampaignSpaceDetails(campaign.id(), campaign.name() + " – Meta",
                "Feed and story creatives for Meta", AdPlatform.META, null, campaign.objective(), null, null,
                ImportSource.MANUAL_UPLOAD, Set.of("demo"), "Paid social", false, true, null));
        Color[] colours = PALETTES[palette % PALETTES.length];
        BufferedImage hero = poster(campaign.name(), "Feed 1:1", colours, 1080, 1080);
        AssetView heroAsset = upload(space, slug(campaign.name()) + "-feed.png", png(hero), "Feed creative", Set.of("feed", "hero"));
        upload(space, slug(campaign.name()) + "-story.png", png(poster(campaign.name(), "Story 9:16", colours, 540, 960)),
                "Story creative", Set.of("story"));
        // the same banner re-saved as JPEG: different bytes, the same picture
        upload(space, slug(campaign.name()) + "-feed-final.jpg", jpeg(hero), "Feed creative (re-export)", Set.of("feed"));
        library.update(heroAsset.id(), new AssetDetails(heroAsset.name(), AssetType.IMAGE, null, "Feed creative",
                "Hero creative for the feed", null, null, null, heroAsset.tags(), Map.of(), Map.of(),
                new AssetRights("Northwind Studio, all channels", "Northwind Studio", "Design: Northwind Studio",
                        LocalDate.now(clock).plusDays(palette == 0 ? 20 : 400), Set.of())), null);
        AssetPlacement inSpace = new AssetPlacement(campaign.id(), space.id());
        library.createCopy(new AssetDetails(campaign.name() + " headline", AssetType.HEADLINE, null, null, null, null,
                headline(campaign), null, Set.of("copy"), Map.of(), Map.of(), new AssetRights(null, null, null, null,
                        Set.of(Channel.FACEBOOK, Channel.INSTAGRAM, Channel.LINKEDIN))), inSpace, ImportSource.MANUAL_UPLOAD);
        library.createCopy(new AssetDetails("Call to action", AssetType.CALL_TO_ACTION, null, null, null, null, null,
                "Learn more", Set.of("copy"), Map.of(), Map.of(), AssetRights.none()), inSpace, ImportSource.MANUAL_UPLOAD);
        return heroAsset;
    }

    private AssetView upload(CampaignSpaceView space, String fileName, byte[] content, String title, Set<String> tags) {
        try {
            return uploads.upload(new AssetUpload(space.id(), null, null, null, title, null, tags, false), fileName,
                    new ByteArrayInputStream(content)).asset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String headline(CampaignSnapshot campaign) {
        return campaign.objective() != null && !campaign.objective().isBlank() ? campaign.objective() : campaign.name();
    }

    /** A drawn creative: a gradient, the campaign's name and the format, in the demo's palette. */
    private static BufferedImage poster(String title, String format, Color[] colours, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, colours[0], width, height, colours[1]));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 255, 255, 60));
        g.fillOval(width / 2, -height / 6, width, width);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, width / 14));
        int y = height / 2;
        for (String line : wrap(title, 18)) {
            g.drawString(line, width / 12, y);
            y += width / 12;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, width / 28));
        g.drawString(format + " · Northwind", width / 12, height - height / 12);
        g.dispose();
        return image;
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
