#!/usr/bin/env bash
# The render orchestration benchmark (issue 14): render jobs with a provider that answers at once (the built-in image
# renderer at 256×256), queued 10,000 at one instant and timed to PUBLISHED on PostgreSQL, and the scheduler's lateness
# at a fixed arrival rate; beside db-scheduler's own no-op task on the same database with the same threads and
# polling, measured right after in the same run. See docs/benchmarks.md ("Rendering").
#
#   perf/render-bench.sh
#
# Settings (environment): those of perf/scheduler-bench-lib.sh (port 18091, database fd_render), JOBS (10000),
# LATE_JOBS (3000); UNIQUE=true gives every job its own headline (every output a new asset, with its thumbnails made
# after it).
set -euo pipefail
NAME=render-bench DEFAULT_PORT=18091 DEFAULT_DB=fd_render
# shellcheck source=perf/scheduler-bench-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/scheduler-bench-lib.sh"
JOBS="${JOBS:-10000}"
LATE_JOBS="${LATE_JOBS:-3000}"

start_app
java -cp "$CP" "$PERF_DIR/RenderBenchmark.java" app "$BASE_URL" "$JDBC" "$DB_USER" "$DB_PASSWORD" "$OUT" "$JOBS" \
  "$LATE_JOBS" | tee "$OUT/bench.log"
floor "$JOBS" "$LATE_JOBS"
rm -rf "$OUT/app-data/blobs"
