-- API rate limits (issue 49): Bucket4j's buckets, one row per caller and class of endpoint (and per workspace), so
-- every node counts against the same ones. state is Bucket4j's own serialised form; expires_at (epoch millis) is when
-- the bucket would be full again, after which the row is removed by the job rate-limit-bucket-cleanup.
create table rate_limit_buckets (
    id         varchar(200) not null primary key,
    state      bytea,
    expires_at bigint,
    -- Bucket4j's advisory-lock manager writes here when it creates a bucket (its lockColumn)
    explicit_lock bigint
);
create index rate_limit_buckets_expires_idx on rate_limit_buckets (expires_at);
