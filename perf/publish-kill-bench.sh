#!/usr/bin/env bash
# Publishing through kills (issue 26): the jar on PostgreSQL with the job settings the product ships with (no
# heartbeat override), 1,500 posts scheduled through the API (a day ahead, then moved in one transaction so that
# they fall due evenly over 5 minutes), and the app killed with SIGKILL five times while they fall due, restarted at
# once after each kill. After the last restart: the time from ready to the last post settled, how many were unsettled
# after 1 and 10 minutes, how each post ended (and each post a dead node held), how soon the next node revived the
# dead one's executions, and whether the sandbox network holds any post twice. Output under
# target/publish-kill-bench/<run id>/. See docs/benchmarks.md ("Publishing through kills").
#
#   perf/publish-kill-bench.sh
#
# Settings (environment): those of perf/scheduler-bench-lib.sh (port 18093, database fd_publish_kill), POSTS (1500),
# AHEAD (60: seconds from the move to the first post's time), SPAN (300: seconds over which the posts fall due),
# KILLS (5), FIRST_KILL (30: seconds into the window), KILL_EVERY (60: seconds from one kill to the next), MIN_UP
# (15: a node runs at least this long after it is ready before it is killed).
set -euo pipefail
NAME=publish-kill-bench DEFAULT_PORT=18093 DEFAULT_DB=fd_publish_kill
# the point is the shipped heartbeat: nothing in the environment may override it
unset FLIGHTDECK_JOB_HEARTBEAT FLIGHTDECK_JOB_MISSED_HEARTBEATS
# shellcheck source=perf/scheduler-bench-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/scheduler-bench-lib.sh"
POSTS="${POSTS:-1500}"
AHEAD="${AHEAD:-60}"
SPAN="${SPAN:-300}"
KILLS="${KILLS:-5}"
FIRST_KILL="${FIRST_KILL:-30}"
KILL_EVERY="${KILL_EVERY:-60}"
MIN_UP="${MIN_UP:-15}"

now_ms() { date +%s%3N; }
sleep_until() {
  local wait=$(( $1 - $(now_ms) ))
  if (( wait > 0 )); then sleep "$(printf '%d.%03d' $((wait / 1000)) $((wait % 1000)))"; fi
}
psql_q() {
  PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -qtAX -F, -c "$1"
}
start_node() {
  start_app --flightdeck.publishing.minimum-gap=PT0S
  READY_MS=$(now_ms)
}

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
log "load average at start: $LOAD_START ($(nproc) cores)"
log "job settings in the jar: $(unzip -p "$JAR" BOOT-INF/classes/application.properties \
  | grep -E '^db-scheduler\.(heartbeat-interval|missed-heartbeats-limit|polling-interval)' | tr '\n' ' ')"

# compiled once: the source launcher compiles on every start, half a minute on a loaded machine
javac -d "$OUT/classes" "$PERF_DIR/PublishKillBenchmark.java"
DRIVER=(java -cp "$CP:$OUT/classes" PublishKillBenchmark)
start_node
"${DRIVER[@]}" setup "$BASE_URL" "$JDBC" "$DB_USER" "$DB_PASSWORD" "$OUT" "$POSTS" "$AHEAD" "$SPAN" \
  | tee "$OUT/bench.log"
# shellcheck disable=SC1091
source "$OUT/window.env"

KILL_TABLE="| kill | at (s into the window) | posts settled by then | picked by the dead node: unsettled / all | kill → ready |
| --- | --- | --- | --- | --- |"
next=$(( WINDOW_START_MS + FIRST_KILL * 1000 ))
for k in $(seq 1 "$KILLS"); do
  earliest=$(( READY_MS + MIN_UP * 1000 ))
  if (( next < earliest )); then next=$earliest; fi
  sleep_until "$next"
  kill -9 "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  KILL_MS=$(now_ms)
  APP_PID=""
  { echo "$KILL_MS"; psql_q "select c.id, c.status from scheduled_tasks t join channel_posts c
      on t.task_instance = c.id::text where t.task_name = 'channel-post' and t.picked
      and c.tenant_id = '$WORKSPACE'"; } > "$OUT/picked-$k.txt"
  settled=$(psql_q "select count(*) from channel_posts where tenant_id = '$WORKSPACE'
      and status not in ('SCHEDULED', 'PUBLISHING')")
  all=$(( $(wc -l < "$OUT/picked-$k.txt") - 1 ))
  unsettled=$(grep -cE ',(SCHEDULED|PUBLISHING)$' "$OUT/picked-$k.txt" || true)
  mv "$OUT/app.log" "$OUT/app-$k.log"
  mv "$OUT/gc.log" "$OUT/gc-$k.log" 2>/dev/null || true
  log "kill $k (SIGKILL): $settled posts settled; the node had picked $all, $unsettled of them unsettled"
  start_node
  KILL_TABLE="$KILL_TABLE
| $k | $(( (KILL_MS - WINDOW_START_MS) / 1000 )) | $settled | $unsettled / $all | $(( (READY_MS - KILL_MS) / 1000 )) s |"
  next=$(( KILL_MS + KILL_EVERY * 1000 ))
done

AT_READY=$(psql_q "select count(*) from channel_posts where tenant_id = '$WORKSPACE'
    and status in ('SCHEDULED', 'PUBLISHING')")
"${DRIVER[@]}" settle "$JDBC" "$DB_USER" "$DB_PASSWORD" "$OUT" "$WORKSPACE" "$READY_MS" "$WINDOW_END_MS" "$AT_READY" \
  > "$OUT/settle.log"

# how soon each next node took over the dead one's posts: db-scheduler logs each execution it revives
log_ms() { date -d "$(cut -c1-24 <<< "$1")" +%s%3N; }
REVIVALS="| kill | executions of posts the next node revived | its start → last revival |
| --- | --- | --- |"
for k in $(seq 1 "$KILLS"); do
  next_log="$OUT/app-$((k + 1)).log"
  if (( k == KILLS )); then next_log="$OUT/app.log"; fi
  started=$(grep -m1 'Started FlightdeckApplication' "$next_log")
  revived=$(grep 'Reviving dead execution: Execution: task=channel-post' "$next_log" || true)
  if [[ -z "$revived" ]]; then
    REVIVALS="$REVIVALS
| $k | 0 | |"
  else
    REVIVALS="$REVIVALS
| $k | $(wc -l <<< "$revived") | $(( ($(log_ms "$(tail -n1 <<< "$revived")") - $(log_ms "$started")) )) ms |"
  fi
done
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo
  echo "$POSTS posts due evenly over $SPAN s; $KILLS kills; load average at start $LOAD_START, at end $LOAD_END"
  echo
  echo "$KILL_TABLE"
  echo
  echo "$REVIVALS"
  echo
  cat "$OUT/settle.log"
} | tee -a "$OUT/bench.log"
log "results in $OUT"
