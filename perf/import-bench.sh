#!/usr/bin/env bash
# The asset import benchmark (issue 12): 1,000,000 performance rows into PostgreSQL through the API, beside
# PostgreSQL's COPY of the same rows as the floor. See docs/benchmarks.md ("Asset imports").
#
#   perf/import-bench.sh
#
# 1. builds target/flightdeck-*.jar if it is missing (./mvnw -q -DskipTests package)
# 2. starts the app on PostgreSQL (DB_NAME, default fd_import; Flyway migrates it) with JAVA_OPTS (default -Xmx1g)
#    and a GC log
# 3. runs perf/ImportBenchmark.java (JDK only, plus the PostgreSQL driver from ~/.m2): signs up a new workspace, makes
#    a space with ASSETS copy assets, writes ROWS rows (ASSETS x ROWS/ASSETS days) in the seed's columns, imports them
#    (SKIP_BAD_ROWS, batches of 1,000), imports the same file again, then COPYs the same rows into the same table
#    and removes them again
# 4. stops the app; the summary, the app's log and its GC log go to target/import-bench/<UTC time>/
#
# Settings (environment): PORT (18090), JAR, DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD
# (localhost/5432/fd_import/flightdeck/flightdeck), JAVA_OPTS (-Xmx1g), ROWS (1000000), ASSETS (1000).
set -euo pipefail

PERF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PERF_DIR/.." && pwd)"
PORT="${PORT:-18090}"
DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME="${DB_NAME:-fd_import}"
DB_USER="${DB_USER:-flightdeck}"
DB_PASSWORD="${DB_PASSWORD:-flightdeck}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
ROWS="${ROWS:-1000000}"
ASSETS="${ASSETS:-1000}"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/target/import-bench/$RUN_ID"
mkdir -p "$OUT/app-data"
BASE_URL="http://localhost:$PORT"
log() { printf '[import-bench.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

JAR="${JAR:-$(ls "$ROOT"/target/flightdeck-*.jar 2>/dev/null | grep -v original | head -n1 || true)}"
if [[ -z "$JAR" || ! -f "$JAR" ]]; then
  log "building the jar (./mvnw -q -DskipTests package)"
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
  JAR="$(ls "$ROOT"/target/flightdeck-*.jar | grep -v original | head -n1)"
fi
# the PostgreSQL driver the build resolved (the newest 42.x in the local repository)
DRIVER="$(ls ~/.m2/repository/org/postgresql/postgresql/42.*/postgresql-42.*.jar | sort -V | tail -n1)"
log "jar: $JAR; driver: $DRIVER"

if curl -s -o /dev/null "$BASE_URL/"; then
  echo "Something already answers on port $PORT; set PORT to a free one." >&2
  exit 1
fi

APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

log "starting the app on port $PORT (PostgreSQL $DB_HOST:$DB_PORT/$DB_NAME, $JAVA_OPTS)"
# shellcheck disable=SC2086
FLIGHTDECK_PORT="$PORT" \
FLIGHTDECK_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
FLIGHTDECK_DB_USER="$DB_USER" FLIGHTDECK_DB_PASSWORD="$DB_PASSWORD" \
FLIGHTDECK_DEMO=false FLIGHTDECK_RATE_LIMITS_ENABLED=false FLIGHTDECK_DATA_DIR="$OUT/app-data" \
  java $JAVA_OPTS "-Xlog:gc:file=$OUT/gc.log:time" -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 1800); do
  curl -sf -o /dev/null "$BASE_URL/actuator/health/readiness" && break
  kill -0 "$APP_PID" 2>/dev/null || { log "the app exited; see $OUT/app.log"; tail -n 40 "$OUT/app.log" >&2; exit 1; }
  sleep 0.1
done
log "ready; load average $(cut -d' ' -f1-3 /proc/loadavg)"

java -cp "$DRIVER" "$PERF_DIR/ImportBenchmark.java" "$BASE_URL" "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  "$DB_USER" "$DB_PASSWORD" "$OUT" "$OUT/gc.log" "$ROWS" "$ASSETS" | tee "$OUT/bench.log"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
rm -f "$OUT"/performance-*.csv "$OUT"/floor.csv
rm -rf "$OUT/app-data/blobs"
