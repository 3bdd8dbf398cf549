/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright Red Hat Inc. and Hibernate Authors
 *
 * Flightdeck: a copy of Hibernate ORM 7.4.5.Final's class of the same name (without its nullness annotations),
 * changed in one respect, marked "Flightdeck" below. Hibernate caches no query plan while any filter is enabled, because a filter's parameter
 * values are written into the plan; @TenantId works through such a filter, which every session of a workspace
 * enables, so every query of a workspace's data was translated from HQL to SQL again on each execution. This copy
 * lets a plan be cached when the tenant filter is the only enabled filter, and makes the tenant part of the key, so a
 * plan (which holds the tenant's id as a bound value) is only ever reused by sessions of the same tenant.
 * HibernatePlanCacheTests pins the Hibernate version this copy was taken from and proves both halves.
 */
package org.hibernate.query.sqm.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

import org.hibernate.LockOptions;
import org.hibernate.binder.internal.TenantIdBinder;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.internal.FilterImpl;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.query.sqm.spi.InterpretationsKeySource;
import org.hibernate.query.sqm.tree.SqmStatement;


/**
 * @author Steve Ebersole
 */
public final class SqmInterpretationsKey implements QueryInterpretationCache.Key {

	public static SqmInterpretationsKey createInterpretationsKey(InterpretationsKeySource keySource) {
		if ( isCacheable ( keySource ) ) {
			final Object query = keySource.getQueryStringCacheKey();
			// Flightdeck: the tenant is part of the key (and of its hash, so one query's plans spread over the map)
			final Object tenant = tenantOf( keySource.getLoadQueryInfluencers() );
			final int queryHash = query instanceof SqmStatement<?> statement ? statement.cacheHashCode() : query.hashCode();
			return new SqmInterpretationsKey(
					query,
					keySource.unnamedParameterIndices(),
					tenant == null ? queryHash : 31 * queryHash + tenant.hashCode(),
					keySource.getResultType(),
					keySource.getQueryOptions().getLockOptions(),
					memoryEfficientDefensiveSetCopy( keySource.getLoadQueryInfluencers().getEnabledFetchProfileNames() ),
					keySource.getLoadQueryInfluencers().getTemporalIdentifier() != null,
					tenant
			);
		}
		else {
			return null;
		}
	}

	private static Collection<String> memoryEfficientDefensiveSetCopy(final Set<String> set) {
		if ( set == null ) {
			return null;
		}
		else {
			return switch ( set.size() ) {
				case 0 -> null;
				case 1 -> Set.of( set.iterator().next() );
				case 2 -> {
					final var iterator = set.iterator();
					yield Set.of( iterator.next(), iterator.next() );
				}
				default -> Set.copyOf( set );
			};
		}
	}

	private static boolean isCacheable(InterpretationsKeySource keySource) {
		assert keySource.getQueryOptions().getAppliedGraph() != null;

		// for now at least, skip caching Criteria-based plans
		// - especially wrt parameters atm; this works with HQL because the
		// parameters are part of the query string; with Criteria, they're not.
		return keySource.isQueryPlanCacheable()
			&& keySource.getQueryOptions().isLimitInMemoryEnabled() != Boolean.TRUE
				// At the moment we cannot cache query plan if there is filter enabled.
				// Flightdeck: except the tenant filter alone, whose value the key carries
			&& onlyTheTenantFilterIfAny( keySource.getLoadQueryInfluencers() )
				// At the moment we cannot cache query plan if it has an entity graph
			&& keySource.getQueryOptions().getAppliedGraph().getSemantic() == null
				// todo (6.0) : this one may be ok because of how I implemented multi-valued param handling
				// - the expansion is done per-execution based on the "static" SQM
				// - Note from Christian: The call to domainParameterXref.clearExpansions()
				//   in ConcreteSqmSelectQueryPlan is a concurrency issue when cached
				// - This could be solved by using a method-local clone of domainParameterXref
				//   when multi-valued params exist
			&& !keySource.hasMultiValuedParameterBindingsChecker().getAsBoolean();
	}

	// Flightdeck: a session enables the tenant filter with the tenant's id as a fixed value (never a resolver), so the
	// plan translated for one session of a tenant is the plan for every session of that tenant
	private static boolean onlyTheTenantFilterIfAny(LoadQueryInfluencers influencers) {
		return !influencers.hasEnabledFilters()
			|| influencers.getEnabledFilterNames().size() == 1 && tenantOf( influencers ) != null;
	}

	private static Object tenantOf(LoadQueryInfluencers influencers) {
		final var filter = influencers.hasEnabledFilters()
				? influencers.getEnabledFilter( TenantIdBinder.FILTER_NAME )
				: null;
		return filter instanceof FilterImpl fixed ? fixed.getParameter( TenantIdBinder.PARAMETER_NAME ) : null;
	}

	public static QueryInterpretationCache.Key generateNonSelectKey(InterpretationsKeySource keyDetails) {
		// todo (6.0) : do we want to cache non-select plans?  If so, what requirements?
		//		- very minimum is that it be a "simple" (non-multi-table) statement
		//
		// for now... no caching of non-select plans
		return null;
	}

	private final Object query;
	private final int [] unnamedParameterIndices;
	private final Class<?> resultType;
	private final LockOptions lockOptions;
	private final Collection<String> enabledFetchProfiles;
	private final boolean historical;
	private final Object tenant;
	private final int hashCode;

	private SqmInterpretationsKey(
			Object query,
			int [] unnamedParameterIndices,
			int hashCode,
			Class<?> resultType,
			LockOptions lockOptions,
			Collection<String> enabledFetchProfiles,
			boolean historical,
			Object tenant) {
		this.historical = historical;
		this.tenant = tenant;
		assert query.getClass() == String.class || query instanceof SqmStatement<?>;
		this.query = query;
		this.unnamedParameterIndices = unnamedParameterIndices;
		this.hashCode = hashCode;
		this.resultType = resultType;
		this.lockOptions = lockOptions;
		this.enabledFetchProfiles = enabledFetchProfiles;
	}

	@Override
	public QueryInterpretationCache.Key prepareForStore() {
		return new SqmInterpretationsKey(
				query,
				unnamedParameterIndices,
				hashCode,
				resultType,
				// Since lock options might be mutable, we need a copy for the cache key
				lockOptions.makeDefensiveCopy(),
				enabledFetchProfiles,
				historical,
				tenant
		);
	}

	@Override
	public String getQueryString() {
		return query instanceof String ? (String) query : null;
	}

	@Override
	public boolean equals(Object other) {
		if ( this == other ) {
			return true;
		}
		if ( !(other instanceof SqmInterpretationsKey that)) {
			return false;
		}
		return this.hashCode == that.hashCode //check this first as some other checks are expensive
			&& ( query.getClass() == String.class
				? query.equals( that.query )
				: ((SqmStatement<?>) query).isCompatible( that.query ) )
			&& Arrays.equals( this.unnamedParameterIndices, that.unnamedParameterIndices )
			&& Objects.equals( this.resultType, that.resultType )
			&& Objects.equals( this.lockOptions, that.lockOptions )
			&& Objects.equals( this.enabledFetchProfiles, that.enabledFetchProfiles )
			&& this.historical == that.historical
			&& Objects.equals( this.tenant, that.tenant );
	}

	@Override
	public int hashCode() {
		return hashCode;
	}

	@Override
	public String toString() {
		return query.toString() + (resultType != null ? " : " + resultType.getSimpleName() : "");
	}
}
