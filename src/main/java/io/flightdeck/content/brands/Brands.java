package io.flightdeck.content.brands;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's brands and the brand each campaign writes in. The first brand becomes the default; a campaign that
 * picked none writes in the default. Callers check roles.
 */
@Service
public class Brands {

    private final BrandRepository brands;
    private final CampaignBrandRepository choices;
    private final CampaignDirectory campaigns;
    private final AssetDirectory assets;
    private final Clock clock;

    Brands(BrandRepository brands, CampaignBrandRepository choices, CampaignDirectory campaigns, AssetDirectory assets,
            Clock clock) {
        this.brands = brands;
        this.choices = choices;
        this.campaigns = campaigns;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BrandView> list(boolean archived) {
        return (archived ? brands.findArchived() : brands.findLive()).stream().map(Brand::view).toList();
    }

    @Transactional(readOnly = true)
    public BrandView get(UUID id) {
        return find(id).view();
    }

    @Transactional
    public BrandView create(BrandDetails details) {
        Actor actor = CurrentActor.require();
        BrandDetails clean = check(details, null);
        boolean first = brands.findDefault().isEmpty();
        Brand brand = brands.save(new Brand(clean, first, actor.userId(), clock.instant()));
        brands.flush();
        return brand.view();
    }

    @Transactional
    public BrandView update(UUID id, BrandDetails details, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Brand brand = find(id);
        checkVersion(brand, expectedVersion);
        brand.update(check(details, id), actor.userId(), clock.instant());
        brands.flush();
        return brand.view();
    }

    /** Makes this brand the one campaigns without a choice write in; the previous default stops being it. */
    @Transactional
    public BrandView makeDefault(UUID id) {
        Actor actor = CurrentActor.require();
        Brand brand = find(id);
        brand.requireLive();
        brands.findDefault().filter(b -> !b.getId().equals(id))
                .ifPresent(b -> b.makeDefault(false, actor.userId(), clock.instant()));
        brands.flush();
        brand.makeDefault(true, actor.userId(), clock.instant());
        brands.flush();
        return brand.view();
    }

    /** The soft delete. Campaigns that picked it keep it (their copy was written in it); it cannot be picked again. */
    @Transactional
    public void archive(UUID id) {
        Actor actor = CurrentActor.require();
        Brand brand = find(id);
        brand.archive(actor.userId(), clock.instant());
    }

    @Transactional
    public BrandView restore(UUID id) {
        Actor actor = CurrentActor.require();
        Brand brand = find(id);
        brand.restore(actor.userId(), clock.instant());
        if (brands.findDefault().isEmpty()) {
            brand.makeDefault(true, actor.userId(), clock.instant());
        }
        brands.flush();
        return brand.view();
    }

    /** How many campaigns picked the brand, for the archive confirmation. */
    @Transactional(readOnly = true)
    public long campaignsUsing(UUID id) {
        find(id);
        return choices.countByBrandId(id);
    }

    /** The brand the campaign picked, else the workspace's default; empty when the workspace has no brand. */
    @Transactional(readOnly = true)
    public Optional<BrandView> forCampaign(UUID campaignId) {
        requireCampaign(campaignId);
        return chosen(campaignId).or(() -> brands.findDefault()).map(Brand::view);
    }

    /** Whether the campaign picked its brand itself (rather than writing in the default). */
    @Transactional(readOnly = true)
    public boolean chosenFor(UUID campaignId) {
        return choices.findByCampaignId(campaignId).isPresent();
    }

    @Transactional(readOnly = true)
    public BrandVoice voiceFor(UUID campaignId) {
        return forCampaign(campaignId).map(BrandView::voiceForGeneration).orElse(BrandVoice.none());
    }

    @Transactional
    public BrandView choose(UUID campaignId, UUID brandId) {
        Actor actor = CurrentActor.require();
        requireCampaign(campaignId);
        Brand brand = brands.findById(brandId).orElseThrow(() -> new InvalidInputException("brandId", "no such brand"));
        brand.requireLive();
        choices.findByCampaignId(campaignId).ifPresentOrElse(
                c -> c.choose(brandId, actor.userId(), clock.instant()),
                () -> choices.save(new CampaignBrand(campaignId, brandId, actor.userId(), clock.instant())));
        return brand.view();
    }

    private Optional<Brand> chosen(UUID campaignId) {
        return choices.findByCampaignId(campaignId).flatMap(c -> brands.findById(c.getBrandId()));
    }

    private void requireCampaign(UUID campaignId) {
        if (campaigns.find(campaignId).isEmpty()) {
            throw new NotFoundException("Campaign");
        }
    }

    private BrandDetails check(BrandDetails details, UUID id) {
        BrandDetails clean = BrandRules.clean(details);
        if (brands.nameTaken(clean.name(), id == null ? new UUID(0, 0) : id)) {
            throw new ConflictException("brand-name-taken", "Another brand is called “" + clean.name() + "”");
        }
        Map<UUID, AssetCard> logos = assets.find(clean.logoAssetIds());
        for (UUID logo : clean.logoAssetIds()) {
            AssetCard card = logos.get(logo);
            if (card == null) {
                throw new InvalidInputException("logoAssetIds", "no asset " + logo + " in this workspace");
            }
            if (card.type() != AssetType.IMAGE || card.archived()) {
                throw new InvalidInputException("logoAssetIds", "“" + card.name() + "” is not a live image");
            }
        }
        return clean;
    }

    private Brand find(UUID id) {
        return brands.findById(id).orElseThrow(() -> new NotFoundException("Brand"));
    }

    private static void checkVersion(Brand brand, Long expected) {
        if (expected != null && !Objects.equals(expected, brand.getVersion())) {
            throw new PreconditionFailedException(brand.getVersion());
        }
    }
}
