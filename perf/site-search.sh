#!/usr/bin/env bash
# Site search benchmark (issue 48): the one search box, GET /api/v1/search, over a mix of kinds, every answer with its
# facet counts. One command for the whole run (see perf/README.md and docs/benchmarks.md, "Site search"):
#
#   perf/site-search.sh                                  # 1,000,000 items: seed, reindex, measure
#   ITEMS=20000 LATENCY_SECONDS=20 perf/site-search.sh   # a small check of the script (not a result)
#
# 1. builds target/flightdeck-*.jar if it is missing; drops and creates the PostgreSQL database fd_sitesearch_bench
# 2. starts the app on it (perf/api-bench-lib.sh), with the embedded Lucene indexes under perf/target/site-search-data
# 3. signs up the bench user, creates 4 campaigns with $SPACES ad spaces through the API (the assets' homes), then
#    seeds in SQL: 30 % of ITEMS assets (perf/search/seed-assets.sql), 5 % campaigns, 40 % tasks and 25 % contacts
#    (perf/site-search/seed-mix.sql, in the same psql session so both share one vocabulary)
# 4. rebuilds every index through the admin reindex POST /api/v1/search/reindex and follows
#    GET /api/v1/search/reindex/{id} every 2 s (items/s)
# 5. runs the Gatling simulation SiteSearchSimulation (perf/, its own Maven project): warm-up, latency at a fixed
#    arrival rate with the liveness floor in the mix, throughput at saturation beside the floor
# 6. stops the app, drops the database (not with KEEP=1) and prints a summary (also
#    perf/target/results/site-search-<run>/summary.md)
#
# Settings (environment): ITEMS (1000000), SPACES (12), RATE (6 arrivals/s, as perf/search.sh: what 2 shared cores
# carry with searches over ~1M hits in the mix), MIX ("20,10,15,15,10,20,10": liveness, empty, word, two-words, typo,
# filters, page2 %), WARMUP_SECONDS (30), LATENCY_SECONDS (60), CONCURRENCY (4), SAT_SECONDS (15), PORT (18348),
# JAR, JAVA_OPTS, DB_* (localhost/5432/fd_sitesearch_bench/flightdeck/flightdeck), KEEP (0).
set -euo pipefail
NAME=site-search
DEFAULT_PORT=18348
DEFAULT_DB=fd_sitesearch_bench
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/api-bench-lib.sh"

ITEMS="${ITEMS:-1000000}"
SPACES="${SPACES:-12}"
RATE="${RATE:-6}"
MIX="${MIX:-20,10,15,15,10,20,10}"
WARMUP_SECONDS="${WARMUP_SECONDS:-30}"
LATENCY_SECONDS="${LATENCY_SECONDS:-60}"
CONCURRENCY="${CONCURRENCY:-4}"
SAT_SECONDS="${SAT_SECONDS:-15}"
PLATFORMS=(META GOOGLE_ADS LINKEDIN TIKTOK PINTEREST YOUTUBE SNAPCHAT TWITTER REDDIT AMAZON_ADS MICROSOFT_ADS OTHER)
# the mix of kinds; the rest of ITEMS after rounding goes to tasks
ASSETS=$((ITEMS * 30 / 100))
CAMPAIGNS=$((ITEMS * 5 / 100))
CONTACTS=$((ITEMS * 25 / 100))
TASKS=$((ITEMS - ASSETS - CAMPAIGNS - CONTACTS))

log "creating database $DB_NAME"
fresh_db
rm -rf "$DATA_DIR"
start_app

# ---- data ----
sign_up
for c in 1 2 3 4; do
  CAMPAIGN="$(api POST /api/v1/campaigns "{\"name\":\"Site search bench $c\",\"type\":\"OTHER\"}" | json_field id)"
  for ((s = c - 1; s < SPACES; s += 4)); do
    P="${PLATFORMS[$((s % ${#PLATFORMS[@]}))]}"
    api POST /api/v1/campaign-spaces "{\"campaignId\":\"$CAMPAIGN\",\"name\":\"Site search bench $c - $P $s\",\"platform\":\"$P\"}" > /dev/null
  done
done
log "seeding in SQL: $ASSETS assets, $CAMPAIGNS campaigns, $TASKS tasks, $CONTACTS contacts into workspace $WORKSPACE"
T0="$(now_ms)"
psql_db -d "$DB_NAME" -v workspace="$WORKSPACE" -v user="$USER_ID" -v count="$ASSETS" -v campaigns="$CAMPAIGNS" \
  -v tasks="$TASKS" -v contacts="$CONTACTS" -f "$PERF_DIR/search/seed-assets.sql" -f "$PERF_DIR/site-search/seed-mix.sql"
SEED_LINE="$ASSETS assets, $CAMPAIGNS campaigns, $TASKS tasks, $CONTACTS contacts in $(seconds_since "$T0") s (SQL)"
log "seeded: $SEED_LINE"

# ---- the index: the admin reindex, followed until it finishes ----
log "reindexing through POST /api/v1/search/reindex"
T0="$(now_ms)"
REINDEX="$(api POST /api/v1/search/reindex)"
REINDEX_ID="$(echo "$REINDEX" | json_field id)"
[[ -n "$REINDEX_ID" ]] || { log "the reindex was not accepted: $REINDEX"; exit 1; }
SIGNED_IN_AT=$SECONDS
while true; do
  sleep 2
  # a token lives 15 minutes; a reindex of a million items may take longer
  if ((SECONDS - SIGNED_IN_AT > 600)); then sign_in; SIGNED_IN_AT=$SECONDS; fi
  PROGRESS="$(api GET "/api/v1/search/reindex/$REINDEX_ID")"
  STATUS="$(echo "$PROGRESS" | json_field status)"
  DONE="$(echo "$PROGRESS" | json_number entitiesDone)"
  log "reindex: $STATUS $DONE of $(echo "$PROGRESS" | json_number entitiesTotal)"
  [[ "$STATUS" == "SUCCEEDED" ]] && break
  [[ "$STATUS" == "FAILED" || -z "$STATUS" ]] && { log "the reindex failed: $PROGRESS"; exit 1; }
done
REINDEX_S="$(seconds_since "$T0")"
REINDEX_LINE="$DONE items in $REINDEX_S s ($(rate "$DONE" "$REINDEX_S") items/s, polled every 2 s)"
log "reindexed: $REINDEX_LINE"
VOLUME="$ITEMS items in one workspace ($ASSETS assets, $CAMPAIGNS campaigns, $TASKS tasks, $CONTACTS contacts; 2-5 % deleted or archived, not found)"
INDEX_SIZE="$(du -sh "$DATA_DIR/search" 2>/dev/null | cut -f1 || echo '?')"
DB_SIZE="$(psql_db -d "$DB_NAME" -At -c "select pg_size_pretty(pg_database_size(current_database()))")"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- Gatling ----
log "running Gatling SiteSearchSimulation (warm-up ${WARMUP_SECONDS}s and latency ${LATENCY_SECONDS}s at $RATE/s, saturation $CONCURRENCY users x ${SAT_SECONDS}s)"
set +e
(cd "$ROOT" && ./mvnw -B -f perf/pom.xml test-compile gatling:test \
    -Dgatling.simulationClass=io.flightdeck.perf.SiteSearchSimulation \
    -DbaseUrl="$BASE_URL" -Drate="$RATE" -Dmix="$MIX" \
    -DwarmupSeconds="$WARMUP_SECONDS" -DlatencySeconds="$LATENCY_SECONDS" \
    -Dconcurrency="$CONCURRENCY" -DsatSeconds="$SAT_SECONDS" \
    -DbenchEmail="$BENCH_EMAIL" -DbenchPassword="$BENCH_PASSWORD" \
    -Dgatling.resultsFolder="$OUT/gatling") > "$OUT/gatling.log" 2>&1
GATLING_RC=$?
set -e
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
log "Gatling finished with exit code $GATLING_RC"
grep -E 'searching|percentile|count of failed|BUILD|ERROR' "$OUT/gatling.log" | grep -v Download | tee -a "$OUT/run.log" >&2 || true
app_memory

# ---- stop and summarise ----
stop_app
drop_db
[[ "$KEEP" == "1" ]] || rm -rf "$DATA_DIR"
REPORT_DIR="$(ls -d "$OUT"/gatling/*/ 2>/dev/null | head -n1 || true)"
python3 "$PERF_DIR/site-search/summarize.py" --report "${REPORT_DIR:-missing}" --run-id "$RUN_ID" --jar "$(basename "$JAR")" \
  --java-opts="${JAVA_OPTS:-(none)}" --volume "$VOLUME" --seed "$SEED_LINE" --reindex "$REINDEX_LINE" \
  --index-size "$INDEX_SIZE" --db-size "$DB_SIZE" --load-before "$LOAD_BEFORE" --load-after "$LOAD_AFTER" \
  --mix "$MIX" --gatling-rc "$GATLING_RC" --latency-seconds "$LATENCY_SECONDS" --sat-seconds "$SAT_SECONDS" \
  --warmup-seconds "$WARMUP_SECONDS" --concurrency "$CONCURRENCY" --rss-kb "$RSS_KB" --hwm-kb "$HWM_KB" \
  --rate "$RATE" | tee "$OUT/summary.md"
echo
echo "Full Gatling report: ${REPORT_DIR}index.html   (app log, Gatling log: $OUT)"
