/**
 * Assets: the library of a workspace's media and copy, its campaign spaces, and the storage under them.
 * <p>
 * This package is the module's API. Today it holds the storage port, {@link io.flightdeck.assets.BlobStore}, with
 * what a stored upload is ({@link io.flightdeck.assets.StoredBlob}) and how long its signed URLs live
 * ({@link io.flightdeck.assets.SignedUrlProperties}), reading assets ({@link io.flightdeck.assets.AssetDirectory}) and
 * adding files other modules made, such as renders ({@link io.flightdeck.assets.AssetIntake}); the subpackage {@code storage} is internal (the local filesystem
 * store with its signed {@code /files/} links, the S3-compatible store and the streaming intake every store shares),
 * {@code domain} holds campaign spaces ({@link io.flightdeck.assets.AdPlatform}, {@link io.flightdeck.assets.ImportSource}),
 * the asset library and its search (the index Hibernate Search keeps, its rebuild), {@code media} what is measured
 * from an asset's bytes, {@code jobs} the db-scheduler tasks (derived data, the index rebuild), and {@code web} the
 * API, the pages, the streamed download answer and the {@code /files/} endpoint. {@code imports} reads CSV files of
 * asset details and performance into a space (a db-scheduler job).
 * <p>
 * Assets uses the shared kernel and campaigns (a space belongs to a campaign, read through
 * {@code CampaignDirectory}). ({@code shared} is an open module, yet a module that declares its dependencies has to
 * name it too.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assets", allowedDependencies = {"campaigns", "identity", "shared"})
package io.flightdeck.assets;
