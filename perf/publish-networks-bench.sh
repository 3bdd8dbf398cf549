#!/usr/bin/env bash
# Publishing across the five networks (issue 50): 5,000 posts due at one instant over one account each on X, LinkedIn,
# Facebook Pages, Instagram (an image) and TikTok (a small video), against the networks' fakes in their own JVM, timed
# to the last one published and checked held once on each fake; then db-scheduler's own no-op task on the same
# database with the same threads and polling, in the same run. See docs/benchmarks.md ("Publishing across five
# networks"). TikTok lets one creator start six uploads a minute (its fake answers 429 beyond that, as TikTok does), so
# the burst puts TIKTOK posts there (with the warm-up's, within that minute's six) and the rest evenly on the others.
#
#   ./mvnw -q -o -DskipTests package && perf/publish-networks-bench.sh
#
# Settings (environment): those of perf/scheduler-bench-lib.sh (port 18094, database fd_publish_networks, dropped and
# made again each run), POSTS (5000), WARMUP (250 posts, the same mix, published before the burst), FAKES_PORT (18101:
# X, LinkedIn, Facebook, Instagram and TikTok on it and the four ports after it), PROFILE (0; N takes N jstack
# samples of the app, 2 s apart, from the burst's instant: jstack-N.txt), TIKTOK (4 of the burst's posts on TikTok)
# and WARMUP_TIKTOK (2 of the warm-up's).
set -euo pipefail
NAME=publish-networks-bench DEFAULT_PORT=18094 DEFAULT_DB=fd_publish_networks
# shellcheck source=perf/scheduler-bench-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/scheduler-bench-lib.sh"
POSTS="${POSTS:-5000}"
WARMUP="${WARMUP:-250}"
FAKES_PORT="${FAKES_PORT:-18101}"
PROFILE="${PROFILE:-0}"
TIKTOK="${TIKTOK:-4}"
WARMUP_TIKTOK="${WARMUP_TIKTOK:-2}"

PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc \
  "drop database if exists $DB_NAME with (force)" -c "create database $DB_NAME"

# the fakes and the driver run on the test classpath (the fakes are test classes)
if [[ ! -d "$ROOT/target/test-classes/io/flightdeck/publishing/networks" ]]; then
  log "compiling the tests (./mvnw -q -o test-compile)"
  (cd "$ROOT" && ./mvnw -q -o test-compile)
fi
(cd "$ROOT" && ./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt")
TEST_CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$OUT/classpath.txt")"
mkdir -p "$OUT/driver"
javac -nowarn -d "$OUT/driver" -cp "$TEST_CP" "$PERF_DIR/PublishNetworksBenchmark.java" "$PERF_DIR/NetworkFakes.java" \
  "$PERF_DIR/PublishBursts.java"

DRIVER_PID=""
trap '[[ -n "$DRIVER_PID" ]] && kill "$DRIVER_PID" 2>/dev/null; stop_app' EXIT
log "the fakes and the driver in their own JVM (ports $FAKES_PORT-$((FAKES_PORT + 4)))"
java -Xmx1g -cp "$OUT/driver:$TEST_CP" PublishNetworksBenchmark "$BASE_URL" "$JDBC" "$DB_USER" "$DB_PASSWORD" "$OUT" \
  "$POSTS" "$WARMUP" "$FAKES_PORT" "$TIKTOK" "$WARMUP_TIKTOK" > "$OUT/bench.log" 2> "$OUT/driver.err" &
DRIVER_PID=$!
tail -f "$OUT/bench.log" --pid "$DRIVER_PID" &
TAIL_PID=$!
for _ in $(seq 1 600); do
  [[ -f "$OUT/fakes-ready" ]] && break
  kill -0 "$DRIVER_PID" 2>/dev/null || { log "the driver exited; see $OUT/driver.err"; tail -n 30 "$OUT/driver.err" >&2; exit 1; }
  sleep 0.2
done
mapfile -t FAKE_ARGS < "$OUT/fakes-ready"
start_app --flightdeck.publishing.minimum-gap=PT0S "--flightdeck.base-url=$BASE_URL" "${FAKE_ARGS[@]}"

if (( PROFILE > 0 )); then
  (
    while kill -0 "$DRIVER_PID" 2>/dev/null && [[ ! -f "$OUT/burst-started" ]]; do sleep 0.5; done
    sleep 3 # the burst's instant is 3 s after the file
    for i in $(seq 1 "$PROFILE"); do
      [[ -f "$OUT/burst-started" ]] || break
      jstack "$APP_PID" > "$OUT/jstack-$i.txt" 2>/dev/null || break
      sleep 2
    done
  ) &
fi

if ! wait "$DRIVER_PID"; then
  DRIVER_PID=""
  log "the driver failed; see $OUT/driver.err and $OUT/app.log"
  tail -n 30 "$OUT/driver.err" >&2
  exit 1
fi
DRIVER_PID=""
wait "$TAIL_PID" 2>/dev/null || true
PEAK="$(grep -o '[0-9]*M->[0-9]*M' "$OUT/gc.log" | cut -dM -f1 | sort -n | tail -n1)"
echo "peak heap before a collection: ${PEAK:-?} MiB (JAVA_OPTS $JAVA_OPTS)" | tee -a "$OUT/bench.log"
floor "$POSTS" 3000
FLOOR="$(grep -o 'floor: [0-9]* no-op executions in [0-9.]* s: [0-9]*/s' "$OUT/bench.log" | tail -n1 | sed 's/.*: //; s|/s||')"
RATE="$(cat "$OUT/rate.txt")"
echo "posts/s $RATE, floor $FLOOR no-ops/s, ratio $(awk -v r="$RATE" -v f="$FLOOR" 'BEGIN { printf "%.3f", r / f }')" \
  | tee -a "$OUT/bench.log"
