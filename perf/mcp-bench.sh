#!/usr/bin/env bash
# The MCP benchmark (issue 47): MCP tools/list and tools/call get_campaign_readiness (POST /mcp, stateless Streamable
# HTTP) beside the same reads over REST and the liveness floor, in the same run, on PostgreSQL. See perf/README.md
# ("MCP (issue 47)") and docs/benchmarks.md ("MCP server (issue 47)").
#
#   nice -n 19 perf/mcp-bench.sh                # the full run (10 to 15 minutes on two cores)
#   WARMUP_SECONDS=2 LATENCY_SECONDS=2 ROUNDS=1 CAMPAIGNS=20 PROFILE_REQUESTS=20 perf/mcp-bench.sh
#                                               # a check of the script in a few minutes
#
# 1. builds target/flightdeck-*.jar if it is missing (./mvnw -q -o -DskipTests package)
# 2. makes a fresh database (DB_NAME, default fd_mcpbench), starts the app on it (Flyway migrates it) with JAVA_OPTS
#    (default -Xmx1g), a GC log, and the MCP tool calls per minute per key at MCP_CALLS_PER_MINUTE (default 0: no
#    limit; the shipped 120 a minute would refuse all but the first 120 calls of a loop)
# 3. runs perf/McpBenchmark.java (JDK only, plus the PostgreSQL driver from ~/.m2): a workspace, an API key, CAMPAIGNS
#    campaigns with dates and channels, one planned campaign with a strategy, approvals and TASKS more tasks; MCP
#    initialize once; then liveness, GET /api/v1/campaigns, MCP tools/list, GET /api/v1/campaigns/{id}/readiness and
#    MCP tools/call get_campaign_readiness in a closed loop (CONNECTIONS connections, WARMUP_SECONDS of all mixed,
#    then ROUNDS rounds of LATENCY_SECONDS per phase, interleaved); every answer checked (errors counted, not
#    sampled); then each one at a time with the database's counters around (profile.txt)
# 4. stops the app and drops the database (KEEP_DB=1 keeps it); summary.md (a Markdown table), bench.log,
#    profile.txt, one answer of each kind, app.log and gc.log go to target/mcp-bench/<UTC time>/
#
# Settings (environment): CAMPAIGNS (200), TASKS (20), CONNECTIONS (4), WARMUP_SECONDS (20), LATENCY_SECONDS (30),
# ROUNDS (2), PROFILE_REQUESTS (50), MCP_CALLS_PER_MINUTE (0), PORT (18093), JAR, JAVA_OPTS (-Xmx1g),
# DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD (localhost/5432/fd_mcpbench/flightdeck/flightdeck), KEEP_DB (0).

set -euo pipefail

PERF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PERF_DIR/.." && pwd)"
PORT="${PORT:-18093}"
DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME="${DB_NAME:-fd_mcpbench}"
DB_USER="${DB_USER:-flightdeck}"
DB_PASSWORD="${DB_PASSWORD:-flightdeck}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
MCP_CALLS_PER_MINUTE="${MCP_CALLS_PER_MINUTE:-0}"
KEEP_DB="${KEEP_DB:-0}"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/target/mcp-bench/$RUN_ID"
mkdir -p "$OUT/app-data"
BASE_URL="http://localhost:$PORT"
export PGPASSWORD="$DB_PASSWORD"
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }
log() { printf '[mcp-bench.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/bench.log" >&2; }

JAR="${JAR:-$(ls "$ROOT"/target/flightdeck-*.jar 2>/dev/null | grep -v original | head -n1 || true)}"
if [[ -z "$JAR" || ! -f "$JAR" ]]; then
  log "building the jar (./mvnw -q -o -DskipTests package)"
  (cd "$ROOT" && ./mvnw -q -o -DskipTests package)
  JAR="$(ls "$ROOT"/target/flightdeck-*.jar | grep -v original | head -n1)"
fi
DRIVER="$(ls ~/.m2/repository/org/postgresql/postgresql/42.*/postgresql-42.*.jar | sort -V | tail -n1)"
log "jar: $JAR; driver: $DRIVER; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

if curl -s -o /dev/null "$BASE_URL/"; then
  echo "Something already answers on port $PORT; set PORT to a free one." >&2
  exit 1
fi

if ! pg_isready -q -h "$DB_HOST" -p "$DB_PORT"; then
  log "starting PostgreSQL 15"
  pg_ctlcluster --skip-systemctl-redirect 15 main start
  for _ in $(seq 1 30); do pg_isready -q -h "$DB_HOST" -p "$DB_PORT" && break; sleep 1; done
fi
log "a fresh database $DB_NAME ($(psql_db -d postgres -At -c 'select version()' | cut -d, -f1);" \
  "shared_buffers $(psql_db -d postgres -At -c 'show shared_buffers'))"
# A fresh database: dropped and made again by the user when it may create databases; else, as root, by the postgres
# user for DB_USER as .ci/run makes flightdeck_test; else the public schema of DB_NAME (which DB_USER owns) is emptied.
if [[ "$(psql_db -d postgres -At -c "select rolcreatedb or rolsuper from pg_roles where rolname = current_user")" == "t" ]]; then
  DB_HOW=user
  drop_db() { psql_db -d postgres -c "drop database if exists $DB_NAME with (force)"; }
  psql_db -d postgres -c "drop database if exists $DB_NAME with (force)" -c "create database $DB_NAME"
elif [[ "$(id -u)" == 0 ]]; then
  DB_HOW=postgres
  drop_db() { su postgres -c "psql -X -q -c 'drop database if exists $DB_NAME with (force)'"; }
  drop_db
  su postgres -c "psql -X -q -c 'create database $DB_NAME owner $DB_USER'"
else
  DB_HOW=schema
  drop_db() { psql_db -d "$DB_NAME" -c "drop schema public cascade" -c "create schema public"; }
  log "no right to create databases: emptying the public schema of $DB_NAME instead"
  drop_db
fi

APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  if [[ "$KEEP_DB" != "1" ]]; then
    drop_db >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

log "starting the app on port $PORT (PostgreSQL $DB_HOST:$DB_PORT/$DB_NAME, $JAVA_OPTS, MCP tool calls per minute per key: $MCP_CALLS_PER_MINUTE)"
# shellcheck disable=SC2086
FLIGHTDECK_PORT="$PORT" \
FLIGHTDECK_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
FLIGHTDECK_DB_USER="$DB_USER" FLIGHTDECK_DB_PASSWORD="$DB_PASSWORD" \
FLIGHTDECK_DEMO=false FLIGHTDECK_RATE_LIMITS_ENABLED=false FLIGHTDECK_DATA_DIR="$OUT/app-data" \
  java $JAVA_OPTS "-Dflightdeck.mcp.calls-per-minute=$MCP_CALLS_PER_MINUTE" "-Xlog:gc:file=$OUT/gc.log:time" -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 1800); do
  curl -sf -o /dev/null "$BASE_URL/actuator/health/readiness" && break
  kill -0 "$APP_PID" 2>/dev/null || { log "the app exited; see $OUT/app.log"; tail -n 40 "$OUT/app.log" >&2; exit 1; }
  sleep 0.1
done
log "ready; load average $(cut -d' ' -f1-3 /proc/loadavg)"

java -cp "$DRIVER" "$PERF_DIR/McpBenchmark.java" "$BASE_URL" "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  "$DB_USER" "$DB_PASSWORD" "$OUT" campaigns="${CAMPAIGNS:-200}" tasks="${TASKS:-20}" connections="${CONNECTIONS:-4}" \
  warmupSeconds="${WARMUP_SECONDS:-20}" latencySeconds="${LATENCY_SECONDS:-30}" rounds="${ROUNDS:-2}" \
  profileRequests="${PROFILE_REQUESTS:-50}" callsPerMinute="$MCP_CALLS_PER_MINUTE" \
  2> >(tee -a "$OUT/bench.log" >&2) | tee -a "$OUT/bench.log"
log "heap: largest after a GC $(grep -o '[0-9]*M->[0-9]*M' "$OUT/gc.log" | cut -d'>' -f2 | sort -n | tail -n1 || echo '?')" \
  "of $(grep -o '([0-9]*M)' "$OUT/gc.log" | tr -d '()' | sort -n | tail -n1 || echo '?'); warnings in the app's log:" \
  "$(grep -c ' WARN \| ERROR ' "$OUT/app.log" || true)"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
rm -rf "$OUT/app-data/blobs"
