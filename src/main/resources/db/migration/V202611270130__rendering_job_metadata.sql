-- What a provider reported about a render beside its outputs (issue 25): the built-in image renderer's font
-- fallbacks ({"fontFallbacks": [{"role", "source", "requested", "used"}]}). Null for jobs rendered before.
alter table render_jobs add column provider_metadata json;
