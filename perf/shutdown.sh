#!/usr/bin/env bash
# Graceful shutdown of a busy node (issue 49): SIGTERM while a bulk action works through its chunks and API requests
# are in flight; how long until the process ends, whether every request in flight was answered, and whether the work
# it held was handed back (no execution left picked by the stopped node) and finished by the next node without
# losing or doubling an item. One command (docs/benchmarks.md, "Graceful shutdown"):
#
#   perf/shutdown.sh
#
# 1. builds target/flightdeck-*.jar if it is missing; a fresh PostgreSQL database fd_shutdown_bench
# 2. starts the app, measures SIGTERM to exit on the idle node, starts it again
# 3. signs up the bench user, seeds $TASKS tasks "to do" in SQL (perf/bulk/seed-tasks.sql), starts a bulk status
#    change of all of them, and $CLIENTS clients requesting GET /api/v1/campaigns in a loop
# 4. after $AFTER s, SIGTERM: the time to exit, the clients' answers (any that was not 200 is counted), and the
#    scheduler's rows the stopped node still held (picked = true)
# 5. starts a node again; times until the bulk action says FINISHED; checks every task is in progress exactly once
#
# Settings (environment): TASKS (10000), CLIENTS (4), AFTER (2 s), PORT (18362), JAR, JAVA_OPTS,
# DB_* (localhost/5432/fd_shutdown_bench/flightdeck/flightdeck), KEEP (0).
set -euo pipefail
NAME=shutdown
DEFAULT_PORT=18362
DEFAULT_DB=fd_shutdown_bench
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/api-bench-lib.sh"

TASKS="${TASKS:-10000}"
CLIENTS="${CLIENTS:-4}"
AFTER="${AFTER:-2}"

# SIGTERM to the app; prints the milliseconds until the process has ended
terminate() {
  local t0; t0="$(now_ms)"
  kill -TERM "$APP_PID"
  while kill -0 "$APP_PID" 2>/dev/null; do sleep 0.02; done
  wait "$APP_PID" 2>/dev/null || true
  echo $(( $(now_ms) - t0 ))
  APP_PID=""
}

fresh_db
rm -rf "$DATA_DIR"
start_app
IDLE_MS="$(terminate)"
log "idle node: SIGTERM to exit in $IDLE_MS ms"
start_app

sign_up
CAMPAIGN="$(api POST /api/v1/campaigns '{"name":"Shutdown bench","type":"OTHER"}' | json_field id)"
psql_db -d "$DB_NAME" -v workspace="$WORKSPACE" -v user="$USER_ID" -v campaign="$CAMPAIGN" -v count="$TASKS" \
  -f "$PERF_DIR/bulk/seed-tasks.sql" > /dev/null
psql_db -d "$DB_NAME" -At -c "select json_build_object('type', 'tasks', 'action', 'status',
    'ids', json_agg(id order by position), 'params', json_build_object('status', 'in_progress'))
    from tasks where campaign_id = '$CAMPAIGN'" > "$OUT/request.json"
BULK="$(api POST /api/v1/bulk "@$OUT/request.json" | json_field id)"
[[ -n "$BULK" ]] || { log "the bulk action was not accepted"; exit 1; }

# clients in a loop until the node is gone; each writes one status code a line (000: no answer)
for c in $(seq 1 "$CLIENTS"); do
  ( while kill -0 "$APP_PID" 2>/dev/null; do
      curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 "$BASE_URL/api/v1/campaigns" -H "Authorization: Bearer $TOKEN"
    done > "$OUT/client-$c.txt" ) &
done
sleep "$AFTER"
DONE_BEFORE="$(psql_db -d "$DB_NAME" -At -c "select count(*) from tasks where campaign_id = '$CAMPAIGN' and status = 'IN_PROGRESS'")"
BUSY_MS="$(terminate)"
wait
PICKED="$(psql_db -d "$DB_NAME" -At -c "select count(*) from scheduled_tasks where picked")"
DONE_AT_STOP="$(psql_db -d "$DB_NAME" -At -c "select count(*) from tasks where campaign_id = '$CAMPAIGN' and status = 'IN_PROGRESS'")"
ANSWERS="$(cat "$OUT"/client-*.txt | sort | uniq -c | awk '{printf "%s x %s, ", $1, $2}')"
log "busy node: SIGTERM to exit in $BUSY_MS ms; $DONE_BEFORE tasks done at SIGTERM, $DONE_AT_STOP at exit; executions left picked: $PICKED; answers: $ANSWERS"

T0="$(now_ms)"
start_app
sign_in
until [[ "$(api GET "/api/v1/bulk/$BULK" | json_field status)" =~ ^(FINISHED|FAILED|CANCELLED)$ ]]; do sleep 0.2; done
RESUME_S="$(seconds_since "$T0")"
FINAL="$(api GET "/api/v1/bulk/$BULK")"
IN_PROGRESS="$(psql_db -d "$DB_NAME" -At -c "select count(*) from tasks where campaign_id = '$CAMPAIGN' and status = 'IN_PROGRESS'")"
log "next node: the bulk action $(echo "$FINAL" | json_field status) $RESUME_S s after its start began; succeeded $(echo "$FINAL" | json_number succeeded), failed $(echo "$FINAL" | json_number failed); tasks in progress: $IN_PROGRESS of $TASKS"
stop_app
drop_db
[[ "$KEEP" == "1" ]] || rm -rf "$DATA_DIR"
{
  echo "## Flightdeck graceful shutdown, run $RUN_ID"
  echo
  echo "- command: \`perf/shutdown.sh\` (TASKS=$TASKS CLIENTS=$CLIENTS AFTER=$AFTER; jar $(basename "$JAR"), app JVM options: ${JAVA_OPTS:-(none)})"
  echo "- idle node, SIGTERM to exit: $IDLE_MS ms"
  echo "- busy node (a bulk action of $TASKS tasks running, $CLIENTS clients in a loop), SIGTERM to exit: $BUSY_MS ms"
  echo "- tasks done at SIGTERM / at exit: $DONE_BEFORE / $DONE_AT_STOP; scheduler executions left picked by the stopped node: $PICKED"
  echo "- the clients' answers while it stopped: $ANSWERS(000: no answer, the connection refused once the node had closed its port)"
  echo "- the next node (start included) finished the bulk action in $RESUME_S s: $(echo "$FINAL" | json_field status), succeeded $(echo "$FINAL" | json_number succeeded), failed $(echo "$FINAL" | json_number failed); tasks in progress $IN_PROGRESS of $TASKS"
} | tee "$OUT/summary.md"
