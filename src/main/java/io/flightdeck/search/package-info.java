/**
 * Search: the one search box over every module's searchable items (campaigns, tasks, creatives, posts, email
 * campaigns, contacts, task comments, assets and campaign templates), ranked, typo-tolerant, with highlighted snippets
 * and facet counts, a full reindex as a job with progress, and members' saved searches with alerts of new results.
 * <p>
 * Other modules take no part beyond marking their entities {@code shared.search.Searchable}: each entity maps the same
 * common fields into its own index, and this module queries all those indexes at once (Hibernate Search, the
 * workspace's own search session, so another workspace is never a hit nor counted). Internal: {@code domain} (the
 * query, its facets, the reindex and its progress rows), {@code jobs} (the reindex job) and {@code web} (the API, the
 * results page and the shell's search box). It uses identity for the names of owners in the owner facet and for a
 * saved search's owner; its one event, {@code SavedSearchFoundNew}, is what notifications tells that owner.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search", allowedDependencies = {"identity", "shared"})
package io.flightdeck.search;
