/**
 * Assets: the library of a workspace's media and copy, its campaign spaces, and the storage under them.
 * <p>
 * This package is what other modules use: reading assets ({@link io.flightdeck.assets.AssetDirectory},
 * {@link io.flightdeck.assets.AssetCard}, {@link io.flightdeck.assets.AssetUsage}) and adding files other modules
 * made, such as renders ({@link io.flightdeck.assets.AssetIntake}). Internal: {@code storage} (the storage port
 * {@code BlobStore} with {@code StoredBlob}, the local filesystem store with its signed {@code /files/} links, the
 * S3-compatible store and the streaming intake every store shares), {@code domain} (campaign spaces, the asset
 * library and its search, the index Hibernate Search keeps), {@code media} (what is measured from an asset's bytes),
 * {@code imports} (CSV files of asset details and performance read into a space), {@code jobs} (the durable jobs:
 * derived data, the index rebuild) and {@code web} (the API, the pages, tus uploads, the streamed download and the
 * {@code /files/} endpoint).
 * <p>
 * Assets uses the shared kernel, campaigns (a space belongs to a campaign, read through {@code CampaignDirectory})
 * and identity. ({@code shared} is an open module, yet a module that declares its dependencies has to name it too.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assets", allowedDependencies = {"campaigns", "identity", "analytics", "shared"})
package io.flightdeck.assets;
