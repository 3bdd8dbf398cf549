#!/usr/bin/env bash
# Twice the campaign API's capacity (issue 49): answered 200, 429 or 503, never another 5xx or no answer in time, and
# the node serves normally again once the load stops. One command for the whole run (docs/benchmarks.md, "Under load"):
#
#   perf/overload.sh
#
# 1. builds target/flightdeck-*.jar if it is missing; drops and creates the PostgreSQL database fd_overload_bench
# 2. starts the app on it (perf/api-bench-lib.sh; API rate limits off, so that the load reaches the node's own load
#    shedding: one client's token would otherwise be answered 429 long before the node is busy)
# 3. runs the Gatling simulation OverloadSimulation: seeds SEED campaigns, measures the capacity of
#    GET /api/v1/campaigns/{id} in a closed loop of CONCURRENCY clients, then arrivals at FACTOR x that rate for
#    OVERLOAD_SECONDS, a pause, and a quarter of the capacity for RECOVERY_SECONDS
# 4. stops the app and prints a summary (also perf/target/results/overload-<run>/summary.md)
#
# Settings (environment): SEED (500), CONCURRENCY (8), CAPACITY_SECONDS (20), FACTOR (2), OVERLOAD_SECONDS (60),
# RECOVERY_SECONDS (20), TIMEOUT_SECONDS (10), PORT (18361), JAR, JAVA_OPTS, DB_* (localhost/5432/fd_overload_bench/
# flightdeck/flightdeck), KEEP (0). The app's own settings apply as shipped: FLIGHTDECK_MAX_CONCURRENT_REQUESTS (20)
# and FLIGHTDECK_LOAD_SHEDDING_WAIT (1 s) may be set in the environment to try others.
set -euo pipefail
# the load generator keeps thousands of connections open at twice the capacity; the default 1,024 files is too few
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
NAME=overload
DEFAULT_PORT=18361
DEFAULT_DB=fd_overload_bench
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/api-bench-lib.sh"

SEED="${SEED:-500}"
CONCURRENCY="${CONCURRENCY:-8}"
CAPACITY_SECONDS="${CAPACITY_SECONDS:-20}"
FACTOR="${FACTOR:-2}"
OVERLOAD_SECONDS="${OVERLOAD_SECONDS:-60}"
RECOVERY_SECONDS="${RECOVERY_SECONDS:-20}"
TIMEOUT_SECONDS="${TIMEOUT_SECONDS:-10}"

fresh_db
start_app
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "running Gatling OverloadSimulation (capacity with $CONCURRENCY clients, then ${FACTOR}x for ${OVERLOAD_SECONDS}s)"
set +e
(cd "$ROOT" && ./mvnw -B -f perf/pom.xml test-compile gatling:test \
    -Dgatling.simulationClass=io.flightdeck.perf.OverloadSimulation \
    -DbaseUrl="$BASE_URL" -Dseed="$SEED" -Dconcurrency="$CONCURRENCY" -DcapacitySeconds="$CAPACITY_SECONDS" \
    -Dfactor="$FACTOR" -DoverloadSeconds="$OVERLOAD_SECONDS" -DrecoverySeconds="$RECOVERY_SECONDS" \
    -DtimeoutSeconds="$TIMEOUT_SECONDS" -DstatusReport="$OUT/statuses.txt" \
    -DbenchEmail="$BENCH_EMAIL" -DbenchPassword="$BENCH_PASSWORD" \
    -Dgatling.resultsFolder="$OUT/gatling") > "$OUT/gatling.log" 2>&1
GATLING_RC=$?
set -e
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
log "Gatling finished with exit code $GATLING_RC"
grep -E '\[flightdeck-perf\]|count of failed|BUILD|ERROR' "$OUT/gatling.log" | grep -v Download | tee -a "$OUT/run.log" >&2 || true
SERVER_5XX="$(grep -c ' 500 \|status=500\|ERROR' "$OUT/app.log" || true)"
app_memory
stop_app
drop_db
[[ "$KEEP" == "1" ]] || rm -rf "$DATA_DIR"
REPORT_DIR="$(ls -d "$OUT"/gatling/*/ 2>/dev/null | head -n1 || true)"
python3 - "$REPORT_DIR" "$OUT/statuses.txt" <<PY | tee "$OUT/summary.md"
import json, sys, pathlib
report, statuses = pathlib.Path(sys.argv[1] or "missing"), pathlib.Path(sys.argv[2])
print("## Flightdeck overload benchmark, run $RUN_ID")
print()
print("- command: \`perf/overload.sh\` (SEED=$SEED CONCURRENCY=$CONCURRENCY CAPACITY_SECONDS=$CAPACITY_SECONDS FACTOR=$FACTOR "
      "OVERLOAD_SECONDS=$OVERLOAD_SECONDS RECOVERY_SECONDS=$RECOVERY_SECONDS TIMEOUT_SECONDS=$TIMEOUT_SECONDS; "
      "jar $(basename "$JAR"), app JVM options: ${JAVA_OPTS:-(none)}; Gatling exit $GATLING_RC)")
print("- machine load before/after: $LOAD_BEFORE / $LOAD_AFTER; app memory after: RSS $((RSS_KB / 1024)) MB "
      "(peak $((HWM_KB / 1024)) MB); ERROR lines in the app's log: $SERVER_5XX")
lines = statuses.read_text().splitlines() if statuses.exists() else ["(no status report)"]
print("- answers by status (none: no answer within the timeout):")
for line in lines:
    print("  - " + line)
stats = report / "js" / "stats.json"
if stats.exists():
    data = json.loads(stats.read_text())
    print()
    print("| group | requests | OK | KO | p50 ms | p95 ms | p99 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for content in data.get("contents", {}).values():
        s = content["stats"]
        print(f"| {content['name']} | {s['numberOfRequests']['total']} | {s['numberOfRequests']['ok']} | "
              f"{s['numberOfRequests']['ko']} | {s['percentiles1']['total']} | {s['percentiles3']['total']} | "
              f"{s['percentiles4']['total']} | {s['maxResponseTime']['total']} |")
PY
