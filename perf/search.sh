#!/usr/bin/env bash
# Asset search benchmark (issue 12): one command for the whole run (see docs/benchmarks.md, "Asset search").
#
#   perf/search.sh                         # 1,000,000 assets: seed, rebuild the index, measure
#   ASSETS=200000 perf/search.sh           # another volume
#   KEEP=1 perf/search.sh                  # keep the database and the index afterwards ...
#   REUSE=1 perf/search.sh                 # ... so that a second run measures again without seeding and rebuilding
#   REUSE=1 REBUILD=1 perf/search.sh       # reuse the seeded database, rebuild the index (again)
#
# 1. builds target/flightdeck-*.jar if it is missing (./mvnw -q -DskipTests package; rebuild it after changing code)
# 2. drops and creates the PostgreSQL database flightdeck_search_bench (not with REUSE=1); where the user may not
#    create databases, empties the public schema of DB_NAME instead (DB_NAME=fd_search perf/search.sh)
# 3. starts the app on it, with the embedded Lucene index under perf/target/search-bench/search
# 4. signs up the bench user, creates 4 campaigns with $SPACES spaces over the ad platforms through the API, seeds
#    $ASSETS assets with their tags and uses in SQL (perf/search/seed-assets.sql), then rebuilds the search index
#    through POST /api/v1/campaign-assets/search-index/rebuild and follows its progress (assets/s)
# 5. runs the Gatling simulation AssetSearchSimulation (perf/, its own Maven project): warm-up, latency at a fixed
#    arrival rate with the liveness floor in the mix, throughput at saturation beside the floor
# 6. stops the app and prints a summary (also perf/target/results/search-<run>/summary.md)
#
# Settings (environment): ASSETS (1000000), SPACES (12), RATE (6 arrivals/s: what 2 shared cores carry with searches
# of ~1M hits in the mix), MIX ("20,5,5,30,20,10,10": liveness, blank, blank-bare, words, filters, name, space %), WARMUP_SECONDS (30), LATENCY_SECONDS (60), CONCURRENCY (4), SAT_SECONDS (15),
# PORT (18347), JAR, JAVA_OPTS (app JVM options), DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD
# (localhost/5432/flightdeck_search_bench/flightdeck/flightdeck), KEEP (0), REUSE (0), REBUILD (0: with REUSE=1, rebuild
# the index anyway; it is rebuilt when its folder is missing), QUIET_WAIT (0: seconds to wait
# for the machine's load average to fall below 1.0 before measuring).
set -euo pipefail

NAME=search
DEFAULT_PORT=18347
DEFAULT_DB=flightdeck_search_bench
BENCH_EMAIL="${BENCH_EMAIL:-search-bench@example.com}"
# PostgreSQL is started here when it is down; perf/api-bench-lib.sh only checks that it answers
if ! pg_isready -q -h "${DB_HOST:-localhost}" -p "${DB_PORT:-5432}"; then
  echo "starting PostgreSQL 15" >&2
  pg_ctlcluster --skip-systemctl-redirect 15 main start
  for _ in $(seq 1 30); do pg_isready -q -h "${DB_HOST:-localhost}" -p "${DB_PORT:-5432}" && break; sleep 1; done
fi
# the settings, the jar, fresh_db/drop_db, start_app/stop_app, sign_up/sign_in, api: shared with the issue-48 benchmarks
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/api-bench-lib.sh"
DATA_DIR="$PERF_DIR/target/search-bench" # its own name: KEEP=1 and REUSE=1 find the index there across runs
ASSETS="${ASSETS:-1000000}"
SPACES="${SPACES:-12}"
RATE="${RATE:-6}"
MIX="${MIX:-20,5,5,30,20,10,10}"
WARMUP_SECONDS="${WARMUP_SECONDS:-30}"
LATENCY_SECONDS="${LATENCY_SECONDS:-60}"
CONCURRENCY="${CONCURRENCY:-4}"
SAT_SECONDS="${SAT_SECONDS:-15}"
REUSE="${REUSE:-0}"
REBUILD="${REBUILD:-0}"
QUIET_WAIT="${QUIET_WAIT:-0}"
PLATFORMS=(META GOOGLE_ADS LINKEDIN TIKTOK PINTEREST YOUTUBE SNAPCHAT TWITTER REDDIT AMAZON_ADS MICROSOFT_ADS OTHER)

# ---- 2. the database ----
SEEDED=0
if [[ "$REUSE" == "1" ]]; then
  SEEDED="$(psql_db -d "$DB_NAME" -At -c "select count(*) from assets" 2>/dev/null || echo 0)"
  [[ "$SEEDED" -gt 0 ]] || { log "REUSE=1 but no seeded database to reuse"; exit 1; }
  [[ -d "$DATA_DIR/search" ]] || REBUILD=1
  log "reusing $DB_NAME with $SEEDED assets$([[ "$REBUILD" == 1 ]] && echo ', rebuilding the index' || echo " and the index in $DATA_DIR/search")"
else
  log "creating database $DB_NAME"
  fresh_db
  rm -rf "$DATA_DIR"
fi

# ---- 3. the app ----
start_app

# ---- 4. data and index ----
if [[ "$REUSE" != "1" ]]; then
  sign_up
  for c in 1 2 3 4; do
    CAMPAIGN="$(api POST /api/v1/campaigns "{\"name\":\"Search bench $c\",\"type\":\"OTHER\"}" | json_field id)"
    for ((s = c - 1; s < SPACES; s += 4)); do
      P="${PLATFORMS[$((s % ${#PLATFORMS[@]}))]}"
      api POST /api/v1/campaign-spaces "{\"campaignId\":\"$CAMPAIGN\",\"name\":\"Search bench $c - $P $s\",\"platform\":\"$P\"}" > /dev/null
    done
  done
  log "seeding $ASSETS assets in SQL into workspace $WORKSPACE ($SPACES spaces)"
  T0="$(now_ms)"
  psql_db -d "$DB_NAME" -v workspace="$WORKSPACE" -v user="$USER_ID" -v count="$ASSETS" -f "$PERF_DIR/search/seed-assets.sql"
  SEED_S="$(awk -v a="$T0" -v b="$(now_ms)" 'BEGIN{printf "%.1f", (b-a)/1000}')"
  SEED_LINE="$ASSETS assets with $(psql_db -d "$DB_NAME" -At -c "select count(*) from asset_tags") tags and $(psql_db -d "$DB_NAME" -At -c "select count(*) from asset_uses") uses in ${SEED_S} s (SQL)"
  log "seeded: $SEED_LINE"
  echo "$SEED_LINE" > "$DATA_DIR/seed.txt"
  SEEDED="$ASSETS"
  REBUILD=1
fi
if [[ "$REBUILD" == "1" ]]; then
  log "rebuilding the search index"
  sign_in
  T0="$(now_ms)"
  api POST /api/v1/campaign-assets/search-index/rebuild > /dev/null
  while true; do
    sleep 5
    sign_in
    PROGRESS="$(api GET /api/v1/campaign-assets/search-index/rebuild)"
    STATUS="$(echo "$PROGRESS" | json_field status)"
    log "rebuild: $STATUS $(echo "$PROGRESS" | sed -n 's/.*"entitiesDone":\([0-9]*\).*/\1/p') of $(echo "$PROGRESS" | sed -n 's/.*"entitiesTotal":\([0-9]*\).*/\1/p')"
    [[ "$STATUS" == "SUCCEEDED" ]] && break
    [[ "$STATUS" == "FAILED" || -z "$STATUS" ]] && { log "the rebuild failed: $PROGRESS"; exit 1; }
  done
  REBUILD_S="$(awk -v a="$T0" -v b="$(now_ms)" 'BEGIN{printf "%.0f", (b-a)/1000}')"
  DONE="$(echo "$PROGRESS" | sed -n 's/.*"entitiesDone":\([0-9]*\).*/\1/p')"
  REBUILD_LINE="$DONE assets in ${REBUILD_S} s ($(awk -v n="$DONE" -v s="$REBUILD_S" 'BEGIN{printf "%.0f", n/s}') assets/s, polled every 5 s)"
  log "rebuilt: $REBUILD_LINE"
  echo "$REBUILD_LINE" > "$DATA_DIR/rebuild.txt"
fi
SEED_LINE="$(cat "$DATA_DIR/seed.txt" 2>/dev/null || echo 'seeded by an earlier run')"
REBUILD_LINE="$(cat "$DATA_DIR/rebuild.txt" 2>/dev/null || echo 'rebuilt by an earlier run')"
VOLUME="$SEEDED assets in one workspace, $(psql_db -d "$DB_NAME" -At -c "select count(*) from assets where archived_at is null") live, $SPACES spaces"
INDEX_SIZE="$(du -sh "$DATA_DIR/search" | cut -f1)"
DB_SIZE="$(psql_db -d "$DB_NAME" -At -c "select pg_size_pretty(pg_database_size(current_database()))")"

if [[ "$QUIET_WAIT" -gt 0 ]]; then
  log "waiting up to ${QUIET_WAIT}s for the 1-minute load average to fall below 1.0"
  for ((i = 0; i < QUIET_WAIT; i += 5)); do awk '{exit !($1 < 1.0)}' /proc/loadavg && break; sleep 5; done
fi
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- 5. Gatling ----
log "running Gatling AssetSearchSimulation (warm-up ${WARMUP_SECONDS}s and latency ${LATENCY_SECONDS}s at $RATE/s, saturation $CONCURRENCY users x ${SAT_SECONDS}s)"
CPU_BEFORE="$(head -n1 /proc/stat)"
APP_CPU_BEFORE="$(awk '{print $14+$15}' "/proc/$APP_PID/stat")"
set +e
(cd "$ROOT" && ./mvnw -B -f perf/pom.xml test-compile gatling:test \
    -Dgatling.simulationClass=io.flightdeck.perf.AssetSearchSimulation \
    -DbaseUrl="$BASE_URL" -Drate="$RATE" -Dmix="$MIX" \
    -DwarmupSeconds="$WARMUP_SECONDS" -DlatencySeconds="$LATENCY_SECONDS" \
    -Dconcurrency="$CONCURRENCY" -DsatSeconds="$SAT_SECONDS" \
    -DbenchEmail="$BENCH_EMAIL" -DbenchPassword="$BENCH_PASSWORD" \
    -Dgatling.resultsFolder="$OUT/gatling") > "$OUT/gatling.log" 2>&1
GATLING_RC=$?
set -e
APP_CPU_AFTER="$(awk '{print $14+$15}' "/proc/$APP_PID/stat")"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
MACHINE="$(printf '%s\n%s\n' "$CPU_BEFORE" "$(head -n1 /proc/stat)" | awk -v app="$((APP_CPU_AFTER - APP_CPU_BEFORE))" '
  NR == 1 { for (i = 2; i <= NF; i++) a[i] = $i }
  NR == 2 { for (i = 2; i <= NF; i++) { d[i] = $i - a[i]; t += d[i] }
            busy = t - d[5] - d[6]
            printf "CPU busy %.0f %% during Gatling, steal %.0f %%, the app %.0f %% of all CPU time", 100 * busy / t, 100 * d[9] / t, 100 * app / t }')"
log "Gatling finished with exit code $GATLING_RC"
grep -E 'searching|percentile|count of failed|BUILD|ERROR' "$OUT/gatling.log" | grep -v Download | tee -a "$OUT/run.log" >&2 || true
app_memory

# ---- 6. stop and summarise ----
stop_app
drop_db
[[ "$KEEP" == "1" ]] || rm -rf "$DATA_DIR"
REPORT_DIR="$(ls -d "$OUT"/gatling/*/ 2>/dev/null | head -n1 || true)"
python3 "$PERF_DIR/search/summarize.py" --report "${REPORT_DIR:-missing}" --run-id "$RUN_ID" --jar "$(basename "$JAR")" \
  --java-opts="${JAVA_OPTS:-(none)}" --volume "$VOLUME" \
  --seed "$SEED_LINE" --rebuild "$REBUILD_LINE" \
  --index-size "$INDEX_SIZE" --db-size "$DB_SIZE" --machine "$MACHINE" --load-before "$LOAD_BEFORE" \
  --load-after "$LOAD_AFTER" --mix "$MIX" --gatling-rc "$GATLING_RC" --latency-seconds "$LATENCY_SECONDS" \
  --sat-seconds "$SAT_SECONDS" --warmup-seconds "$WARMUP_SECONDS" --concurrency "$CONCURRENCY" --rss-kb "$RSS_KB" \
  --hwm-kb "$HWM_KB" --rate "$RATE" | tee "$OUT/summary.md"
echo
echo "Full Gatling report: ${REPORT_DIR}index.html   (app log, Gatling log: $OUT)"
