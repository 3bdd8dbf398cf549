#!/usr/bin/env bash
# The email sending benchmark (issue 28): Flightdeck on PostgreSQL sending an email campaign to PEOPLE recipients over
# SMTP with DKIM signing (rsa-sha256, a 2048-bit key made for the run) to a local sink (perf/smtp-sink, which counts
# every message by recipient and Message-ID and keeps none). One run, four phases, each against a fresh sink:
#   1. rate:    RATE_PEOPLE recipients with flightdeck.email.sending.rate-per-second=RATE; the sink's steady rate
#               (between the 10 % and 90 % marks) against the setting (aim: within 5 %);
#   2. bare:    the floor: a bare Jakarta Mail loop (src/bench/java/io/flightdeck/bench/BareSmtpLoop.java) sending
#               PEOPLE messages like the one Flightdeck sent in phase 1, same DKIM library, key and settings, same
#               number of connections (CONCURRENCY), in a JVM of its own with the same JAVA_OPTS;
#   3. send:    PEOPLE recipients with no rate limit and CONCURRENCY sending threads: the sink's steady rate, its ratio
#               to the bare loop's (aim: at least 0.5, and over 500/s), send requested to SENT, and the heap sampled
#               every 250 ms from inside the JVM (peak in use; after GC at each quarter: flat if it does not grow);
#   4. crash:   PEOPLE recipients again, the JVM killed with SIGKILL once the sink has half of them, started again
#               on the same database; the sink's count by recipient and Message-ID (aim: every recipient once).
# See docs/benchmarks.md ("Email sending"). Run it niced on a shared machine:
#
#   nice -n 19 perf/email-bench.sh
#
# The app runs in the driver's JVM (src/bench/java/io/flightdeck/bench/EmailSendLoad.java, built by the bench
# profile), started afresh for phases 1, 3, 4 and the restart. Contacts are written in SQL (generate_series), not
# through the CSV import. Settings (environment): those of perf/scheduler-bench-lib.sh (port 18095, database
# fd_ebench, its schema dropped and made afresh; JAVA_OPTS -Xms1g -Xmx1g; THREADS 4 job threads), PEOPLE (100000),
# RATE (200), RATE_PEOPLE (30 s worth: RATE x 30), CONCURRENCY (4, the shipped default), SMTP_PORT (18026), PHASES
# (rate,bare,send,crash), MVN_OPTS (e.g. -o).
set -euo pipefail
# all of it in one function, parsed before it runs: bash reads a script as it goes, so an edit during a run (they
# take minutes) would otherwise change the commands still to come
main() {
NAME=email-bench DEFAULT_PORT=18095 DEFAULT_DB=fd_ebench NEEDS_JAR=false
# shellcheck source=perf/scheduler-bench-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/scheduler-bench-lib.sh"
PEOPLE="${PEOPLE:-100000}"
RATE="${RATE:-200}"
RATE_PEOPLE="${RATE_PEOPLE:-$((RATE * 30))}"
CONCURRENCY="${CONCURRENCY:-4}"
SMTP_PORT="${SMTP_PORT:-18026}"
PHASES="${PHASES:-rate,bare,send,crash}"
DKIM_DOMAIN=bench.example
DKIM_SELECTOR=bench
phase() { [[ ",$PHASES," == *",$1,"* ]]; }

# A clean schema each run (the owner of the database may do that without the right to create databases): the
# scheduler would otherwise hand a stopped run's unfinished sends to this one
PGOPTIONS=--client-min-messages=warning PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
  -d "$DB_NAME" -qc "drop schema public cascade" -c "create schema public"

log "building the app and the driver (./mvnw -Pbench test-compile)"
(cd "$ROOT" && ./mvnw -q -B ${MVN_OPTS:-} -Pbench -DskipTests test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt")
# only the driver's classes from the test output: the tests' own classes and resources stay out of the app
mkdir -p "$OUT/bench-classes/io/flightdeck"
cp -r "$ROOT/target/test-classes/io/flightdeck/bench" "$OUT/bench-classes/io/flightdeck/"
APP_CP="$OUT/bench-classes:$ROOT/target/classes:$(cat "$OUT/classpath.txt")"
(cd "$PERF_DIR/smtp-sink" && [[ -d node_modules/smtp-server ]] || npm ci --no-audit --no-fund --silent)
# PKCS#8 PEM, as flightdeck.mail.dkim.private-key-file takes it
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/dkim.pem" 2>/dev/null

SINK_PID=""
# start_sink LABEL [sample file]: a fresh sink counting mail to the contacts' domain only (not the test sends)
start_sink() {
  node "$PERF_DIR/smtp-sink/sink.js" "$SMTP_PORT" "$OUT/sink-$1.json" inbox.example ${2:-} > "$OUT/sink-$1.log" 2>&1 &
  SINK_PID=$!
  for _ in $(seq 1 100); do grep -q 'smtp sink on' "$OUT/sink-$1.log" && return; sleep 0.1; done
  log "the sink did not start; see $OUT/sink-$1.log"; exit 1
}
stop_sink() {
  sleep 2 # the last messages' answers
  kill -TERM "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true
  SINK_PID=""
}
trap '[[ -z "$SINK_PID" ]] || kill "$SINK_PID" 2>/dev/null || true; stop_app' EXIT
sink() { jq -r "$2" "$OUT/sink-$1.json"; }

# driver LABEL RATE MODE [ARGS…]: the app and the driver in one JVM, in the background (APP_PID)
driver() {
  local label=$1 rate=$2
  shift 2
  log "$label: the app and the driver in one JVM ($JAVA_OPTS, $THREADS job threads, $CONCURRENCY sending threads," \
    "rate-per-second=$rate), SMTP to the sink on port $SMTP_PORT; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  FLIGHTDECK_JOB_THREADS="$THREADS" java $JAVA_OPTS "-Xlog:gc:file=$OUT/gc-$label.log:time" \
    -Dserver.port="$PORT" -Dspring.datasource.url="$JDBC" -Dspring.datasource.username="$DB_USER" \
    -Dspring.datasource.password="$DB_PASSWORD" -Dspring.mail.host=127.0.0.1 -Dspring.mail.port="$SMTP_PORT" \
    -Dflightdeck.mail.dkim.domain=$DKIM_DOMAIN -Dflightdeck.mail.dkim.selector=$DKIM_SELECTOR \
    -Dflightdeck.mail.dkim.private-key-file="$OUT/dkim.pem" -Dflightdeck.email.sending.concurrency="$CONCURRENCY" \
    -Dflightdeck.email.sending.rate-per-second="$rate" -Dbench.people="$PEOPLE" -Dbench.rate-people="$RATE_PEOPLE" \
    -cp "$APP_CP" io.flightdeck.bench.EmailSendLoad "$@" "$OUT" > "$OUT/app-$label.log" 2>&1 &
  APP_PID=$!
}
finish() {
  wait "$APP_PID" || { log "$1 failed; see $OUT/app-$1.log"; tail -n 40 "$OUT/app-$1.log" >&2; exit 1; }
  APP_PID=""
  grep '\[email-bench' "$OUT/app-$1.log" | tee -a "$OUT/bench.log"
}
# the driver takes its mode first and the output folder last
send_phase() { # LABEL RATE LIST
  start_sink "$1" "${4:-}"
  driver "$1" "$2" send "$3" "$1"
  finish "$1"
  stop_sink
  echo "[email-bench] $1, the sink: $(cat "$OUT/sink-$1.json")" | tee -a "$OUT/bench.log"
}
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
log "load average at start: $LOAD_START ($(nproc) cores); $PEOPLE recipients, phases $PHASES"

# the order matters: the rate phase leaves the sample the bare loop sends
if phase rate || phase bare; then
  send_phase rate "$RATE" rate "$OUT/sample.eml"
fi
if phase bare; then
  start_sink bare
  log "bare: the Jakarta Mail loop, $PEOPLE messages, $CONCURRENCY connections; load $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$APP_CP" io.flightdeck.bench.BareSmtpLoop "$OUT/sample.eml" "$SMTP_PORT" "$PEOPLE" \
    "$CONCURRENCY" "$OUT/dkim.pem" $DKIM_DOMAIN $DKIM_SELECTOR 2>&1 | tee "$OUT/bare.log" | grep '\[email-bench' \
    | tee -a "$OUT/bench.log"
  stop_sink
  echo "[email-bench] bare, the sink: $(cat "$OUT/sink-bare.json")" | tee -a "$OUT/bench.log"
fi
if phase send; then
  send_phase send 0 everyone
fi
if phase crash; then
  start_sink crash
  driver crash 0 crash
  for _ in $(seq 1 36000); do
    kill -0 "$APP_PID" 2>/dev/null || { log "the crash run ended early; see $OUT/app-crash.log"; exit 1; }
    got=$(jq -r .received "$OUT/sink-crash.json" 2>/dev/null || echo 0)
    (( got >= PEOPLE / 2 )) && break
    sleep 0.2
  done
  kill -9 "$APP_PID"; KILLED_MS=$(date +%s%3N); wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  grep '\[email-bench' "$OUT/app-crash.log" | tee -a "$OUT/bench.log"
  sleep 1.5
  AT_KILL=$(sink crash .received)
  log "crash: SIGKILL with $AT_KILL messages at the sink; starting again on the same database"
  RESTARTED_MS=$(date +%s%3N)
  driver resume 0 resume
  finish resume
  stop_sink
  echo "[email-bench] crash and restart, the sink: $(cat "$OUT/sink-crash.json")" | tee -a "$OUT/bench.log"
  # who never got the message, and what the ledger says of them
  local crash_id psql_q=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -qtAX -F' ')
  crash_id=$(sed -n 's/^crash=//p' "$OUT/state.properties")
  comm -23 <(PGPASSWORD="$DB_PASSWORD" "${psql_q[@]}" -c "select address from email_recipients
      where email_campaign_id = '$crash_id'" | sort) <(sort "$OUT/sink-crash.json.recipients") \
      > "$OUT/crash-missing.txt"
  MISSING="$(wc -l < "$OUT/crash-missing.txt")"
  MISSING_STATES="none"
  if (( MISSING > 0 )); then
    MISSING_STATES=$(PGPASSWORD="$DB_PASSWORD" "${psql_q[@]}" -c "select state, count(*) from email_recipients
        where email_campaign_id = '$crash_id' and address in ($(sed "s/.*/'&'/" "$OUT/crash-missing.txt" \
        | paste -sd,)) group by state order by 1" | paste -sd, | sed 's/,/, /g')
  fi
  log "crash: $MISSING recipients never got the message; their ledger rows: $MISSING_STATES"
fi

LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"
# the duration: the sink's first message to its last, and the steady window
SPAN='"\(.received) in \((.last - .first) / 100 | round / 10) s, steady window \((.t90 - .t10) / 100 | round / 10) s"'
{
  echo
  echo "perf/email-bench.sh: $PEOPLE recipients (rate phase $RATE_PEOPLE at $RATE/s), $CONCURRENCY sending threads /"
  echo "SMTP connections, DKIM rsa-sha256 2048 bits, PostgreSQL $DB_NAME, $JAVA_OPTS; load average at start"
  echo "$LOAD_START, at end $LOAD_END; steady rate = messages between the sink's 10 % and 90 % marks / that time"
  echo
  echo "| figure | measured | aim |"
  echo "| --- | --- | --- |"
  if phase send; then
    echo "| Flightdeck, steady messages/s at the sink | $(sink send .steadyRate) ($(sink send "$SPAN")) | > 500 |"
  fi
  if phase bare; then
    echo "| bare Jakarta Mail loop, steady messages/s at the sink | $(sink bare .steadyRate) ($(sink bare "$SPAN")) | |"
  fi
  if phase send && phase bare; then
    echo "| ratio Flightdeck / bare | $(jq -rn --argjson a "$(sink send .steadyRate)" \
      --argjson b "$(sink bare .steadyRate)" '$a / $b * 100 | round / 100') | >= 0.5 |"
    echo "| connections at once (Flightdeck / bare) | $(sink send .maxConnections) /" \
      "$(sink bare .maxConnections) | same |"
    echo "| mean message size at the sink (Flightdeck / bare) | $(sink send '.bytes / .received | round') /" \
      "$(sink bare '.bytes / .received | round') bytes | same |"
  fi
  if phase rate; then
    echo "| rate limiter at $RATE/s: steady messages/s | $(sink rate .steadyRate) ($(jq -rn \
      --argjson a "$(sink rate .steadyRate)" --argjson r "$RATE" '($a / $r - 1) * 1000 | round / 10')" \
      "%) | within ±5 % |"
    # a limit the machine cannot reach without it says nothing about the limiter
    if phase send && jq -en --argjson a "$(sink send .steadyRate)" --argjson r "$RATE" '$a < $r * 1.2' > /dev/null; then
      echo "| (rate limiter) | NOT A TEST: unlimited, this machine sent $(sink send .steadyRate)/s," \
        "under 1.2 × $RATE;" \
        "run again with a lower RATE | |"
    fi
  fi
  if phase send; then
    echo "| heap (-Xmx1g) during the send | $(grep -o 'heap peak.*' "$OUT/app-send.log" | head -n1 \
      | sed 's/^heap //') | flat |"
  fi
  if phase crash; then
    echo "| crash: at the sink when killed / received in all / distinct recipient+Message-ID / recipients |" \
      "$AT_KILL / $(sink crash .received) / $(sink crash .pairs) / $(sink crash .recipients) | all $PEOPLE, once |"
    # handed over when the JVM died, answer never recorded: never sent again, listed as unconfirmed
    echo "| crash: the ledger after the restart | $(grep -o 'ledger [^;]*' "$OUT/app-resume.log" | head -n1) |" \
      "SENT + HANDED_OVER = $PEOPLE |"
    echo "| crash: recipients the sink never got / their ledger rows / connections cut mid-message |" \
      "$MISSING / $MISSING_STATES / $(sink crash .cutShort) | 0 |"
    # mail stops from the kill to the restarted node's first message: its start, then the dead run taken over once
    # its heartbeats are missed (4 × 10 s) at the scheduler's next look
    echo "| crash: mail stopped (the sink's longest pause) / SIGKILL to the first message after it / the restart" \
      "(launch to app ready) |" "$(awk -v g="$(sink crash .longestGap)" 'BEGIN { printf "%.1f s", g / 1000 }') /" \
      "$(awk -v a="$KILLED_MS" -v b="$(sink crash .gapTo)" 'BEGIN { printf "%.1f s", (b - a) / 1000 }') /" \
      "$(grep -o 'app ready in [0-9.]* s' "$OUT/app-resume.log" | head -n1 | sed 's/app ready in //')" \
      "(launched $(awk -v a="$KILLED_MS" -v b="$RESTARTED_MS" 'BEGIN { printf "%.1f s", (b - a) / 1000 }')" \
      "after the kill) | within a minute of the kill |"
  fi
  # the window a crash leaves in doubt (HandOverTimes) against the bare loop's end of data to answer
  if phase send && phase bare; then
    echo "| send: hand-over commit / commit to answer / bare loop's end of data to answer |" \
      "$(grep -o 'send: hand-over .*' "$OUT/app-send.log" | head -n1 | sed 's/^send: hand-over //') /" \
      "$(grep -o 'end of data to answer mean [0-9.]* ms' "$OUT/bare.log" | head -n1 | sed 's/.*mean //') |" \
      "commit to answer near the bare loop's |"
  fi
  # the send's idle moments, from the ledger: pauses over 150 ms between one hand-over and the next (between batches)
  for name in rate send; do
    phase "$name" || continue
    echo "| $name: pauses over 150 ms between hand-overs: count, total / hand-over span |" \
      "$(PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -qtAX -c "
      with t as (select r.handed_over_at h, lag(r.handed_over_at) over (order by r.handed_over_at) p
        from email_recipients r join email_campaigns c on c.id = r.email_campaign_id where c.name = 'Bench $name')
      select count(*) filter (where h - p > interval '150 ms') || ', ' || coalesce(round(extract(epoch from
        sum(h - p) filter (where h - p > interval '150 ms'))::numeric, 1), 0) || ' s / '
        || round(extract(epoch from max(h) - min(h))::numeric, 1) || ' s' from t") | |"
  done
  for label in rate send crash; do
    [[ -f "$OUT/sink-$label.json" ]] || continue
    echo "| $label: duplicates at the sink (received − distinct recipient+Message-ID) |" \
      "$(sink "$label" '.received - .pairs') | 0 |"
  done
} | tee -a "$OUT/bench.log"
log "results in $OUT"
}
main "$@"; exit # on one line: bash has read it whole before main runs
