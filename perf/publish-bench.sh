#!/usr/bin/env bash
# The social scheduler benchmark (issue 15): on the sandbox network, 10,000 posts due within the same 60 s (lateness,
# each published once) and 10,000 due at one instant (posts/s), on PostgreSQL with the minimum gap set to zero; then
# db-scheduler's own no-op task on the same database with the same threads and polling, in the same run.
# See docs/benchmarks.md ("Publishing").
#
#   perf/publish-bench.sh
#
# Settings (environment): those of perf/scheduler-bench-lib.sh (port 18092, database fd_publish), POSTS (10000).
set -euo pipefail
NAME=publish-bench DEFAULT_PORT=18092 DEFAULT_DB=fd_publish
# shellcheck source=perf/scheduler-bench-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/scheduler-bench-lib.sh"
POSTS="${POSTS:-10000}"

start_app --flightdeck.publishing.minimum-gap=PT0S
java -cp "$CP" "$PERF_DIR/PublishBenchmark.java" "$BASE_URL" "$JDBC" "$DB_USER" "$DB_PASSWORD" "$OUT" "$POSTS" \
  | tee "$OUT/bench.log"
floor "$POSTS" 3000
