#!/usr/bin/env bash
# The analytics benchmark (issue 29): ten million metric facts over 2,000 campaigns on PostgreSQL. See perf/README.md
# ("Analytics") and docs/analytics.md ("Benchmark").
#
#   nice -n 19 perf/analytics-bench.sh          # the full run: 10,080,000 facts, 2,000 campaigns (about 20 minutes)
#   SCALE=0.01 perf/analytics-bench.sh          # 20 campaigns, 100,800 facts: a check of the script in a few minutes
#
# 1. builds target/flightdeck-*.jar if it is missing (./mvnw -q -DskipTests package)
# 2. makes a fresh database (DB_NAME, default fd_analytics), starts the app on it (Flyway migrates it) with JAVA_OPTS
#    (default -Xmx1g) and a GC log; the rollup job runs at its shipped period (5 s)
# 3. runs perf/AnalyticsBenchmark.java (JDK only, plus the PostgreSQL driver from ~/.m2): a workspace in UTC, an API
#    key, 2,000 x SCALE campaigns through the API; facts of 180 days (2 channels x 2 ads x 7 metrics per campaign and
#    day, money in USD/EUR/GBP): the older 162 days COPYed into analytics_facts with their rollups made in SQL, the
#    newest 18 days (1,008,000 facts at full scale) through POST /api/v1/analytics/facts (CLIENTS clients, 10,000
#    facts a request) while the rollups are polled for the lag, then COPY of the same rows into a scratch table of the
#    same shape and indexes (the floor); then the dashboard, the all-campaigns summary, liveness and a campaign GET in
#    a closed loop (CONNECTIONS connections, WARMUP_SECONDS of warm-up, ROUNDS rounds of LATENCY_SECONDS each); then
#    REPORTS executive PDFs beside the same report as JSON; EXPLAIN ANALYZE of the reads behind the dashboard and the
#    summary
# 4. stops the app and drops the database (KEEP_DB=1 keeps it); summary.md, bench.log, explain.txt, app.log, gc.log,
#    the answers and one PDF go to target/analytics-bench/<UTC time>/
#
# Settings (environment): SCALE (1), DAYS (180), API_DAYS (18), CLIENTS (4), PER_REQUEST (10000), CONNECTIONS (4),
# WARMUP_SECONDS (30), LATENCY_SECONDS (30), ROUNDS (2), REPORTS (20), PORT (18091), JAR, JAVA_OPTS (-Xmx1g),
# DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD (localhost/5432/fd_analytics/flightdeck/flightdeck), KEEP_DB (0).
set -euo pipefail

PERF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PERF_DIR/.." && pwd)"
PORT="${PORT:-18091}"
DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME="${DB_NAME:-fd_analytics}"
DB_USER="${DB_USER:-flightdeck}"
DB_PASSWORD="${DB_PASSWORD:-flightdeck}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
KEEP_DB="${KEEP_DB:-0}"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/target/analytics-bench/$RUN_ID"
mkdir -p "$OUT/app-data"
BASE_URL="http://localhost:$PORT"
export PGPASSWORD="$DB_PASSWORD"
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }
log() { printf '[analytics-bench.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/bench.log" >&2; }

JAR="${JAR:-$(ls "$ROOT"/target/flightdeck-*.jar 2>/dev/null | grep -v original | head -n1 || true)}"
if [[ -z "$JAR" || ! -f "$JAR" ]]; then
  log "building the jar (./mvnw -q -DskipTests package)"
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
  JAR="$(ls "$ROOT"/target/flightdeck-*.jar | grep -v original | head -n1)"
fi
DRIVER="$(ls ~/.m2/repository/org/postgresql/postgresql/42.*/postgresql-42.*.jar | sort -V | tail -n1)"
log "jar: $JAR; driver: $DRIVER; SCALE=${SCALE:-1}; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

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

java -cp "$DRIVER" "$PERF_DIR/AnalyticsBenchmark.java" "$BASE_URL" "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  "$DB_USER" "$DB_PASSWORD" "$OUT" scale="${SCALE:-1}" days="${DAYS:-180}" apiDays="${API_DAYS:-18}" \
  clients="${CLIENTS:-4}" perRequest="${PER_REQUEST:-10000}" connections="${CONNECTIONS:-4}" \
  warmupSeconds="${WARMUP_SECONDS:-30}" latencySeconds="${LATENCY_SECONDS:-30}" rounds="${ROUNDS:-2}" \
  reports="${REPORTS:-20}" 2> >(tee -a "$OUT/bench.log" >&2) | tee -a "$OUT/bench.log"
log "heap: largest after a GC $(grep -o '[0-9]*M->[0-9]*M' "$OUT/gc.log" | cut -d'>' -f2 | sort -n | tail -n1 || echo '?')" \
  "of $(grep -o '([0-9]*M)' "$OUT/gc.log" | tr -d '()' | sort -n | tail -n1 || echo '?'); warnings in the app's log:" \
  "$(grep -c ' WARN \| ERROR ' "$OUT/app.log" || true)"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
rm -rf "$OUT/app-data/blobs"
