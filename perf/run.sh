#!/usr/bin/env bash
# Flightdeck API benchmarks: one command for the whole run (see docs/benchmarks.md).
#
#   perf/run.sh                                      # the campaign API (issue 3); from anywhere: paths are resolved from this file
#   SIMULATION=ApprovalApiSimulation perf/run.sh     # approvals and the strategy cascade (issue 4)
#
# 1. builds target/flightdeck-*.jar if it is missing (./mvnw -q -DskipTests package)
# 2. drops and creates a fresh PostgreSQL database (flightdeck_bench on localhost:5432)
# 3. starts the app on PostgreSQL and times `java -jar` -> /actuator/health/readiness UP
# 4. runs the Gatling simulation $SIMULATION (perf/, its own Maven project): seeding, warm-up, latency, saturation
# 5. reads the app's resident memory (VmRSS, VmHWM) after the run, and a Prometheus scrape
# 6. stops the app and prints a summary (also written to perf/target/results/<run>/summary.md)
#
# Settings (environment): SIMULATION (CampaignApiSimulation | ApprovalApiSimulation), PORT (18080), JAR, DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD
# (localhost/5432/flightdeck_bench/flightdeck/flightdeck), JAVA_OPTS (app JVM options, none by default),
# SEED (2000 campaigns; 500 for approvals), RATE (30 arrivals/s), MIX ("20,25,25,10,20": liveness,get,list,journey,get-key %;
# for approvals "15,35,10,25,15": liveness,approve,reject+request-review,check-publish,approvals), WARMUP_SECONDS (20),
# LATENCY_SECONDS (60), CONCURRENCY (8), SAT_SECONDS (10), SAT_WARMUP_SECONDS (60: the mix at saturation before the
# saturation phases, so the JIT has finished with their paths), QUIET_WAIT (0: seconds to wait for the machine to go
# quiet before starting), KEEP_DB (0: 1 keeps the database afterwards).
# Approvals only: CASCADE_IDLE (50 cascades alone after the latency phase), CASCADE_LOAD (50 during it),
# CASCADE_RATE (4 cascades/s when alone), POLL_MS (5: how often a cascade polls GET .../approvals).
set -euo pipefail

PERF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PERF_DIR/.." && pwd)"
PORT="${PORT:-18080}"
DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME="${DB_NAME:-flightdeck_bench}"
DB_USER="${DB_USER:-flightdeck}"
DB_PASSWORD="${DB_PASSWORD:-flightdeck}"
SIMULATION="${SIMULATION:-CampaignApiSimulation}"
case "$SIMULATION" in
  CampaignApiSimulation) SEED="${SEED:-2000}"; MIX="${MIX:-20,25,25,10,20}" ;;
  ApprovalApiSimulation) SEED="${SEED:-500}"; MIX="${MIX:-15,35,10,25,15}" ;;
  *) echo "SIMULATION must be CampaignApiSimulation or ApprovalApiSimulation, not '$SIMULATION'" >&2; exit 2 ;;
esac
RATE="${RATE:-30}"
CASCADE_IDLE="${CASCADE_IDLE:-50}"
CASCADE_LOAD="${CASCADE_LOAD:-50}"
CASCADE_RATE="${CASCADE_RATE:-4}"
POLL_MS="${POLL_MS:-5}"
WARMUP_SECONDS="${WARMUP_SECONDS:-20}"
LATENCY_SECONDS="${LATENCY_SECONDS:-60}"
CONCURRENCY="${CONCURRENCY:-8}"
SAT_SECONDS="${SAT_SECONDS:-10}"
SAT_WARMUP_SECONDS="${SAT_WARMUP_SECONDS:-60}"
QUIET_WAIT="${QUIET_WAIT:-0}"
KEEP_DB="${KEEP_DB:-0}"
BENCH_EMAIL="bench@example.com"
BENCH_PASSWORD="bench-password-1"

RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$PERF_DIR/target/results/$RUN_ID"
mkdir -p "$OUT"
BASE_URL="http://localhost:$PORT"
export PGPASSWORD="$DB_PASSWORD"
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }
log() { printf '[run.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
now_ms() { date +%s%3N; }

# ---- 1. the jar ----
JAR="${JAR:-$(ls "$ROOT"/target/flightdeck-*.jar 2>/dev/null | grep -v original | head -n1 || true)}"
if [[ -z "$JAR" || ! -f "$JAR" ]]; then
  log "building the jar (./mvnw -q -DskipTests package)"
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
  JAR="$(ls "$ROOT"/target/flightdeck-*.jar | grep -v original | head -n1)"
fi
log "jar: $JAR"

if curl -s -o /dev/null "$BASE_URL/"; then
  echo "Something already answers on port $PORT; set PORT to a free one." >&2
  exit 1
fi

# ---- the machine: other load matters on 2 shared cores ----
if [[ "$QUIET_WAIT" -gt 0 ]]; then
  log "waiting up to ${QUIET_WAIT}s for the 1-minute load average to fall below 1.0"
  for ((i = 0; i < QUIET_WAIT; i += 5)); do
    awk '{exit !($1 < 1.0)}' /proc/loadavg && break
    sleep 5
  done
fi
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
ps -eo pid,pcpu,etimes,comm,args --sort=-pcpu | head -n 8 | cut -c1-160 > "$OUT/top-before.txt"

# ---- 2. a fresh database ----
if ! pg_isready -q -h "$DB_HOST" -p "$DB_PORT"; then
  log "starting PostgreSQL 15"
  pg_ctlcluster --skip-systemctl-redirect 15 main start
  for _ in $(seq 1 30); do pg_isready -q -h "$DB_HOST" -p "$DB_PORT" && break; sleep 1; done
fi
log "creating database $DB_NAME"
psql_db -d postgres -c "drop database if exists $DB_NAME with (force)" -c "create database $DB_NAME"

# ---- 3. start the app, time it to readiness ----
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

mkdir -p "$OUT/app-data"
log "starting the app on port $PORT (PostgreSQL $DB_HOST:$DB_PORT/$DB_NAME)"
START_MS="$(now_ms)"
# shellcheck disable=SC2086
FLIGHTDECK_PORT="$PORT" \
FLIGHTDECK_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
FLIGHTDECK_DB_USER="$DB_USER" FLIGHTDECK_DB_PASSWORD="$DB_PASSWORD" \
FLIGHTDECK_DEMO=false FLIGHTDECK_RATE_LIMITS_ENABLED=false FLIGHTDECK_DATA_DIR="$OUT/app-data" \
  java ${JAVA_OPTS:-} -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP_PID=$!
READY_MS=""
for _ in $(seq 1 1200); do
  if curl -sf -o /dev/null "$BASE_URL/actuator/health/readiness"; then READY_MS="$(now_ms)"; break; fi
  kill -0 "$APP_PID" 2>/dev/null || { log "the app exited; see $OUT/app.log"; tail -n 40 "$OUT/app.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$READY_MS" ]] || { log "the app was not ready within 120 s"; exit 1; }
STARTUP_S="$(awk -v a="$START_MS" -v b="$READY_MS" 'BEGIN{printf "%.1f", (b-a)/1000}')"
BOOT_LOG_S="$(grep -o 'Started FlightdeckApplication in [0-9.]* seconds' "$OUT/app.log" | grep -o '[0-9.]*' | head -n1 || true)"
RSS_IDLE_KB="$(awk '/^VmRSS/{print $2}' "/proc/$APP_PID/status")"
log "ready after ${STARTUP_S}s (Spring's own figure: ${BOOT_LOG_S:-?}s), RSS ${RSS_IDLE_KB} kB"

# ---- 4. Gatling ----
log "running Gatling $SIMULATION (seed $SEED, warm-up ${WARMUP_SECONDS}s at $RATE/s, latency ${LATENCY_SECONDS}s at $RATE/s, saturation ${CONCURRENCY} users x ${SAT_SECONDS}s per request type after ${SAT_WARMUP_SECONDS}s of the mix)"
APP_CPU_BEFORE="$(awk '{print $14+$15}' "/proc/$APP_PID/stat")"
CPU_BEFORE="$(head -n1 /proc/stat)"
GATLING_START="$(now_ms)"
set +e
if [[ "$SIMULATION" == ApprovalApiSimulation ]]; then
  SIM_ARGS=(-DapprovalMix="$MIX" -DcascadeIdle="$CASCADE_IDLE" -DcascadeLoad="$CASCADE_LOAD"
    -DcascadeRate="$CASCADE_RATE" -DpollMs="$POLL_MS" -DcascadeReport="$OUT/cascade.json")
else
  SIM_ARGS=(-Dmix="$MIX")
fi
(cd "$ROOT" && ./mvnw -B -f perf/pom.xml test-compile gatling:test \
    -Dgatling.simulationClass="io.flightdeck.perf.$SIMULATION" "${SIM_ARGS[@]}" \
    -DbaseUrl="$BASE_URL" -Dseed="$SEED" -Drate="$RATE" \
    -DwarmupSeconds="$WARMUP_SECONDS" -DlatencySeconds="$LATENCY_SECONDS" \
    -Dconcurrency="$CONCURRENCY" -DsatSeconds="$SAT_SECONDS" -DsatWarmupSeconds="$SAT_WARMUP_SECONDS" \
    -DbenchEmail="$BENCH_EMAIL" -DbenchPassword="$BENCH_PASSWORD" \
    -DseedReport="$OUT/seed.txt" \
    -Dgatling.resultsFolder="$OUT/gatling") > "$OUT/gatling.log" 2>&1
GATLING_RC=$?
set -e
GATLING_S="$(( ($(now_ms) - GATLING_START) / 1000 ))"
APP_CPU_AFTER="$(awk '{print $14+$15}' "/proc/$APP_PID/stat")"
APP_CPU_S="$(awk -v a="$APP_CPU_BEFORE" -v b="$APP_CPU_AFTER" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.0f", (b-a)/hz}')"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
# Whole machine during Gatling, from /proc/stat (all cores): busy %, steal %, and the app's share of the time.
MACHINE="$(printf '%s\n%s\n' "$CPU_BEFORE" "$(head -n1 /proc/stat)" | awk -v app="$((APP_CPU_AFTER - APP_CPU_BEFORE))" '
  NR == 1 { for (i = 2; i <= NF; i++) a[i] = $i }
  NR == 2 { for (i = 2; i <= NF; i++) { d[i] = $i - a[i]; t += d[i] }
            busy = t - d[5] - d[6]
            printf "CPU busy %.0f %%, steal %.0f %%, the app %.0f %% of all CPU time", 100 * busy / t, 100 * d[9] / t, 100 * app / t }')"
log "Gatling finished in ${GATLING_S}s with exit code $GATLING_RC (non-zero also when an aim, checked as an assertion, is missed)"
grep -E 'seeded|cascade-|queue of open|percentile|count of failed|BUILD|ERROR' "$OUT/gatling.log" | grep -v 'Download' | tee -a "$OUT/run.log" >&2 || true

# ---- 5. memory, metrics, data volume ----
RSS_KB="$(awk '/^VmRSS/{print $2}' "/proc/$APP_PID/status")"
HWM_KB="$(awk '/^VmHWM/{print $2}' "/proc/$APP_PID/status")"
TOKEN="$(curl -s -X POST "$BASE_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')"
if [[ -n "$TOKEN" ]]; then
  curl -s "$BASE_URL/actuator/prometheus" -H "Authorization: Bearer $TOKEN" > "$OUT/prometheus.txt" || true
fi
CAMPAIGNS="$(psql_db -d "$DB_NAME" -At -c "select count(*) from campaigns")"
ACTIVITY="$(psql_db -d "$DB_NAME" -At -c "select count(*) from campaign_activity" 2>/dev/null || echo '?')"
AUDIT="$(psql_db -d "$DB_NAME" -At -c "select count(*) from audit_log" 2>/dev/null || echo '?')"
EVENTS="$(psql_db -d "$DB_NAME" -At -c "select count(*) || ' (' || count(*) filter (where completion_date is null) || ' incomplete)' from event_publication" 2>/dev/null || echo '?')"
STATUSES="$(psql_db -d "$DB_NAME" -At -F' ' -c "select lower(status), count(*) from campaigns group by status order by 2 desc" | paste -sd, - | sed 's/,/, /g')"
DB_SIZE="$(psql_db -d "$DB_NAME" -At -c "select pg_size_pretty(pg_database_size(current_database()))")"
APPROVAL_ARGS=()
if [[ "$SIMULATION" == ApprovalApiSimulation ]]; then
  APPROVALS="$(psql_db -d "$DB_NAME" -At -F' ' -c "select lower(state), count(*) from approvals group by state order by 2 desc" | paste -sd, - | sed 's/,/, /g')"
  VOTES="$(psql_db -d "$DB_NAME" -At -c "select count(*) from approval_votes")"
  HISTORY="$(psql_db -d "$DB_NAME" -At -c "select count(*) from approval_history")"
  # The cascade as the database saw it, per campaign revised to version 2: from the strategy version's created_at
  # (the app clock inside the save, before its commit) to the CASCADED history rows' time (the app clock when the
  # listener starts strategyChanged); and the event publication's hop (published in the save's transaction -> the
  # publication marked complete after the listener committed).
  psql_db -d "$DB_NAME" -At -F, -c "
    with cascaded as (
      select a.campaign_id, max(h.occurred_at) as done_at, count(*) as moved
      from approval_history h join approvals a on a.id = h.approval_id
      where h.kind = 'CASCADED' and h.comment = 'Strategy revised to version 2'
      group by a.campaign_id),
    published as (
      select (serialized_event::jsonb ->> 'campaignId')::uuid as campaign_id, publication_date, completion_date
      from event_publication
      where event_type like '%StrategyRevised' and (serialized_event::jsonb ->> 'version') = '2')
    select sv.campaign_id, c.moved,
           round(extract(epoch from (c.done_at - sv.created_at)) * 1000, 3),
           round(extract(epoch from (p.completion_date - p.publication_date)) * 1000, 3)
    from strategy_versions sv
    join cascaded c on c.campaign_id = sv.campaign_id
    left join published p on p.campaign_id = sv.campaign_id
    where sv.version = 2" > "$OUT/db-cascade.csv" 2>>"$OUT/run.log" || true
  APPROVAL_ARGS=(--approvals "$APPROVALS" --votes "$VOTES" --history "$HISTORY"
    --cascade-report "$OUT/cascade.json" --db-cascade "$OUT/db-cascade.csv"
    --cascade-idle "$CASCADE_IDLE" --cascade-load "$CASCADE_LOAD" --cascade-rate "$CASCADE_RATE" --poll-ms "$POLL_MS")
fi

# ---- 6. stop and summarise ----
cleanup
APP_PID=""
if [[ "$KEEP_DB" != "1" ]]; then
  psql_db -d postgres -c "drop database if exists $DB_NAME with (force)" || true
fi

REPORT_DIR="$(ls -d "$OUT"/gatling/*/ 2>/dev/null | head -n1 || true)"
python3 "$PERF_DIR/summarize.py" --simulation "$SIMULATION" "${APPROVAL_ARGS[@]}" \
  --report "${REPORT_DIR:-missing}" --prometheus "$OUT/prometheus.txt" \
  --latency-seconds "$LATENCY_SECONDS" --sat-seconds "$SAT_SECONDS" --warmup-seconds "$WARMUP_SECONDS" \
  --rate "$RATE" --mix "$MIX" --concurrency "$CONCURRENCY" --seed "$SEED" \
  --seed-line "$(cat "$OUT/seed.txt" 2>/dev/null || echo 'seeding did not report')" \
  --startup "$STARTUP_S" --boot-log "${BOOT_LOG_S:-?}" --rss-idle-kb "$RSS_IDLE_KB" --rss-kb "$RSS_KB" --hwm-kb "$HWM_KB" \
  --campaigns "$CAMPAIGNS" --statuses "$STATUSES" --activity "$ACTIVITY" --audit "$AUDIT" --events "$EVENTS" --db-size "$DB_SIZE" \
  --load-before "$LOAD_BEFORE" --load-after "$LOAD_AFTER" --app-cpu "$APP_CPU_S" --machine "$MACHINE" --gatling-seconds "$GATLING_S" \
  --run-id "$RUN_ID" --jar "$(basename "$JAR")" --java-opts="${JAVA_OPTS:-(none)}" --gatling-rc "$GATLING_RC" \
  | tee "$OUT/summary.md"
echo
echo "Full Gatling report: ${REPORT_DIR}index.html   (app log, Prometheus scrape, Gatling log: $OUT)"
