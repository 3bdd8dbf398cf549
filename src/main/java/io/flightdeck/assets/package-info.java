/**
 * Assets: the library of a workspace's media and copy, its campaign spaces, and the storage under them.
 * <p>
 * This package is the module's API. Today it holds the storage port, {@link io.flightdeck.assets.BlobStore}, with
 * what a stored upload is ({@link io.flightdeck.assets.StoredBlob}); the subpackage {@code storage} is internal (the
 * local filesystem store, the S3-compatible store and the streaming intake every store shares). Campaign spaces, assets, dedup, rights,
 * search and imports follow (issue 12).
 * <p>
 * Assets uses the shared kernel only. ({@code shared} is an open module, yet a module that declares its dependencies
 * has to name it too.)
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assets", allowedDependencies = {"shared"})
package io.flightdeck.assets;
