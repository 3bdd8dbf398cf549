#!/usr/bin/env bash
# The guidance benchmark (issue 30): GET /api/v1/campaigns/{id}/prompting/evaluate on campaigns with 500 tasks, 200
# creatives, 4 approval scopes, 300 posts and a year of daily facts, on PostgreSQL. See perf/README.md ("Guidance")
# and docs/guidance.md ("Benchmark").
#
#   nice -n 19 perf/guidance-bench.sh           # the full run (about 15 minutes on two cores)
#   BACKGROUND=5 TASKS=100 CREATIVES=40 POSTS=60 WARMUP_SECONDS=5 LATENCY_SECONDS=5 ROUNDS=1 perf/guidance-bench.sh
#                                               # a check of the script in a few minutes
#
# 1. builds target/flightdeck-*.jar if it is missing (./mvnw -q -DskipTests package)
# 2. makes a fresh database (DB_NAME, default fd_guidance), starts the app on it (Flyway migrates it) with JAVA_OPTS
#    (default -Xmx1g) and a GC log
# 3. runs perf/GuidanceBenchmark.java (JDK only, plus the PostgreSQL driver from ~/.m2): a workspace, an API key, two
#    sandbox accounts; BACKGROUND campaigns (a template timeline, 10 creatives, 20 posts, a year of facts each) and
#    CAMPAIGNS measured ones (TASKS tasks in ten dependency chains, CREATIVES creatives of which a quarter follow the
#    newer strategy, the 4 default approval scopes, POSTS posts, FACT_DAYS days of facts), all through the API but
#    the posts' outcomes and the done tasks (SQL); then evaluate, blockers, liveness and a campaign GET (and the
#    recommendation and predict-success endpoints when their routes exist) in a closed loop (CONNECTIONS connections,
#    WARMUP_SECONDS of warm-up, ROUNDS rounds of LATENCY_SECONDS each); table scans per evaluate; EXPLAIN ANALYZE
# 4. stops the app and drops the database (KEEP_DB=1 keeps it); summary.md, bench.log, profile.txt, explain.txt,
#    the answers, app.log and gc.log go to target/guidance-bench/<UTC time>/
#
# Settings (environment): CAMPAIGNS (2), BACKGROUND (50), TASKS (500), CREATIVES (200), POSTS (300), FACT_DAYS (365),
# CONNECTIONS (4), WARMUP_SECONDS (20), LATENCY_SECONDS (30), ROUNDS (2), PORT (18092), JAR, JAVA_OPTS (-Xmx1g),
# DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD (localhost/5432/fd_guidance/flightdeck/flightdeck), KEEP_DB (0).
set -euo pipefail

PERF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PERF_DIR/.." && pwd)"
PORT="${PORT:-18092}"
DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME="${DB_NAME:-fd_guidance}"
DB_USER="${DB_USER:-flightdeck}"
DB_PASSWORD="${DB_PASSWORD:-flightdeck}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
KEEP_DB="${KEEP_DB:-0}"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/target/guidance-bench/$RUN_ID"
mkdir -p "$OUT/app-data"
BASE_URL="http://localhost:$PORT"
export PGPASSWORD="$DB_PASSWORD"
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }
log() { printf '[guidance-bench.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/bench.log" >&2; }

JAR="${JAR:-$(ls "$ROOT"/target/flightdeck-*.jar 2>/dev/null | grep -v original | head -n1 || true)}"
if [[ -z "$JAR" || ! -f "$JAR" ]]; then
  log "building the jar (./mvnw -q -DskipTests package)"
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
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

java -cp "$DRIVER" "$PERF_DIR/GuidanceBenchmark.java" "$BASE_URL" "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  "$DB_USER" "$DB_PASSWORD" "$OUT" campaigns="${CAMPAIGNS:-2}" background="${BACKGROUND:-50}" tasks="${TASKS:-500}" \
  creatives="${CREATIVES:-200}" posts="${POSTS:-300}" factDays="${FACT_DAYS:-365}" connections="${CONNECTIONS:-4}" \
  warmupSeconds="${WARMUP_SECONDS:-20}" latencySeconds="${LATENCY_SECONDS:-30}" rounds="${ROUNDS:-2}" \
  2> >(tee -a "$OUT/bench.log" >&2) | tee -a "$OUT/bench.log"
log "heap: largest after a GC $(grep -o '[0-9]*M->[0-9]*M' "$OUT/gc.log" | cut -d'>' -f2 | sort -n | tail -n1 || echo '?')" \
  "of $(grep -o '([0-9]*M)' "$OUT/gc.log" | tr -d '()' | sort -n | tail -n1 || echo '?'); warnings in the app's log:" \
  "$(grep -c ' WARN \| ERROR ' "$OUT/app.log" || true)"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
rm -rf "$OUT/app-data/blobs"
