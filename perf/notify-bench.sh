#!/usr/bin/env bash
# The notification benchmark (issue 27): Flightdeck on PostgreSQL fed 10,000 post-published events, each for 20 of
# 200 members with mixed preferences (about 180,000 notifications and 40,000 emails), then 10,000 more at a fixed
# rate; email goes over SMTP to a local sink (nodemailer's smtp-server, perf/smtp-sink). Reports notifications
# created per second, emails handed to the sink per second and in-app lateness p50/p95/p99, then db-scheduler's own
# no-op task on the same database, threads and polling as the floor. See docs/benchmarks.md ("Notifications").
#
#   perf/notify-bench.sh
#
# The app runs in the driver's JVM (src/bench/java/io/flightdeck/bench/NotificationLoad.java, built by the bench
# profile), so that it can publish the events the publishing module would. Settings (environment): those of
# perf/scheduler-bench-lib.sh (port 18094, database fd_notify; JAVA_OPTS, THREADS), EVENTS (10000), RATE (100 events
# per second in the lateness phase), SMTP_PORT (18025).
set -euo pipefail
NAME=notify-bench DEFAULT_PORT=18094 DEFAULT_DB=fd_notify NEEDS_JAR=false
# shellcheck source=perf/scheduler-bench-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/scheduler-bench-lib.sh"
EVENTS="${EVENTS:-10000}"
RATE="${RATE:-100}"
SMTP_PORT="${SMTP_PORT:-18025}"
# A fresh database each run: the registry would otherwise hand a stopped run's unfinished events to this one
PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc \
  "drop database if exists $DB_NAME with (force)" -c "create database $DB_NAME"

log "building the app and the driver (./mvnw -Pbench test-compile)"
(cd "$ROOT" && ./mvnw -q -B ${MVN_OPTS:-} -Pbench -DskipTests test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt")
# only the driver's classes from the test output: the tests' own classes and resources stay out of the app
mkdir -p "$OUT/bench-classes/io/flightdeck"
cp -r "$ROOT/target/test-classes/io/flightdeck/bench" "$OUT/bench-classes/io/flightdeck/"
APP_CP="$OUT/bench-classes:$ROOT/target/classes:$(cat "$OUT/classpath.txt")"

(cd "$PERF_DIR/smtp-sink" && [[ -d node_modules/smtp-server ]] || npm ci --no-audit --no-fund --silent)
node "$PERF_DIR/smtp-sink/sink.js" "$SMTP_PORT" "$OUT/sink.json" > "$OUT/sink.log" 2>&1 &
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null || true; stop_app' EXIT

log "the app and the driver in one JVM ($JAVA_OPTS, $THREADS job threads), SMTP to the sink on port $SMTP_PORT"
# shellcheck disable=SC2086
FLIGHTDECK_JOB_THREADS="$THREADS" java $JAVA_OPTS "-Xlog:gc:file=$OUT/gc.log:time" -cp "$APP_CP" \
  io.flightdeck.bench.NotificationLoad "$JDBC" "$DB_USER" "$DB_PASSWORD" "$OUT" "$EVENTS" "$RATE" "$SMTP_PORT" \
  "$PORT" > "$OUT/app.log" 2>&1 &
APP_PID=$!
wait "$APP_PID" || { log "the run failed; see $OUT/app.log"; tail -n 40 "$OUT/app.log" >&2; exit 1; }
APP_PID=""
grep '\[notify-bench' "$OUT/app.log" | tee "$OUT/bench.log"
kill -TERM "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true
echo "[notify-bench] the sink: $(cat "$OUT/sink.json")" | tee -a "$OUT/bench.log"
floor "$EVENTS" 3000
