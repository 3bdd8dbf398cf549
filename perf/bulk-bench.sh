#!/usr/bin/env bash
# Bulk action benchmark (issue 48): a status change of 10,000 tasks through POST /api/v1/bulk and its undo, each aimed
# under 10 s, beside PostgreSQL's own floor for the same rows in the same run. One command (see perf/README.md and
# docs/benchmarks.md, "Bulk update and undo"):
#
#   perf/bulk-bench.sh                      # 10,000 tasks, 2 rounds
#   TASKS=500 ROUNDS=1 perf/bulk-bench.sh   # a small check of the script (not a result)
#
# 1. builds target/flightdeck-*.jar if it is missing; drops and creates the PostgreSQL database fd_bulk_bench
# 2. starts the app on it (perf/api-bench-lib.sh), signs up the bench user (owner), creates one campaign through the API
#    and seeds $TASKS tasks "to do" into it in SQL (perf/bulk/seed-tasks.sql)
# 3. each round:
#    a. the floor (perf/bulk/floor.sql): the same rows to in_progress and back in plain SQL, in one statement and one
#       row per transaction (the shape BulkRunner had before chunks: each item in its own transaction)
#    b. POST /api/v1/bulk {"type":"tasks","action":"status","ids":[all],"params":{"status":"in_progress"}}; timed from
#       the 202 until GET /api/v1/bulk/{id} says FINISHED (polled every $POLL s, so a figure is late by up to that)
#    c. POST /api/v1/bulk/{id}/undo; timed from its 202 until the operation says UNDONE
#    Every task is "to do" again after a round, so the rounds measure the same work.
# 4. stops the app, drops the database (not with KEEP=1), prints a summary (also perf/target/results/bulk-<run>/summary.md)
#
# Settings (environment): TASKS (10000, the most one bulk action takes), ROUNDS (2), POLL (0.2 s), PORT (18349), JAR,
# JAVA_OPTS, DB_* (localhost/5432/fd_bulk_bench/flightdeck/flightdeck), KEEP (0).
set -euo pipefail
NAME=bulk
DEFAULT_PORT=18349
DEFAULT_DB=fd_bulk_bench
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/api-bench-lib.sh"

TASKS="${TASKS:-10000}"
ROUNDS="${ROUNDS:-2}"
POLL="${POLL:-0.2}"

log "creating database $DB_NAME"
fresh_db
rm -rf "$DATA_DIR"
start_app

# ---- data ----
sign_up
CAMPAIGN="$(api POST /api/v1/campaigns '{"name":"Bulk bench","type":"OTHER"}' | json_field id)"
[[ -n "$CAMPAIGN" ]] || { log "creating the campaign failed"; exit 1; }
log "seeding $TASKS tasks in SQL into campaign $CAMPAIGN"
psql_db -d "$DB_NAME" -v workspace="$WORKSPACE" -v user="$USER_ID" -v campaign="$CAMPAIGN" -v count="$TASKS" \
  -f "$PERF_DIR/bulk/seed-tasks.sql"
# the request body, written once: 10,000 ids are ~400 kB of JSON, too long for a command line
psql_db -d "$DB_NAME" -At -c "select json_build_object('type', 'tasks', 'action', 'status',
    'ids', json_agg(id order by position), 'params', json_build_object('status', 'in_progress'))
    from tasks where campaign_id = '$CAMPAIGN'" > "$OUT/request.json"

# follows operation $1 until its status is $2; prints the last answer
# (the progress is logged every 5 s or so: how "done" grows tells batches waiting for the scheduler from slow items)
follow() {
  local answer status logged=$SECONDS
  while true; do
    answer="$(api GET "/api/v1/bulk/$1")"
    status="$(echo "$answer" | json_field status)"
    [[ "$status" == "$2" ]] && { echo "$answer"; return 0; }
    if ((SECONDS - logged >= 5)); then
      log "  $status: done $(echo "$answer" | json_number done), undone $(echo "$answer" | json_number undone) of $(echo "$answer" | json_number total)"
      logged=$SECONDS
    fi
    case "$status" in
      QUEUED|RUNNING|UNDOING) sleep "$POLL" ;;
      *) log "operation $1 is $status, not $2: $answer"; return 1 ;;
    esac
  done
}

ROWS=()
for round in $(seq 1 "$ROUNDS"); do
  log "round $round: the floor in plain SQL"
  FLOOR="$(psql_db -d "$DB_NAME" -v campaign="$CAMPAIGN" -f "$PERF_DIR/bulk/floor.sql" | grep '^floor ')"
  echo "$FLOOR" | tee -a "$OUT/run.log" >&2
  psql_db -d "$DB_NAME" -c "vacuum analyze tasks" # the floor's dead rows, not the bulk action's work
  while read -r _ name rows seconds; do
    ROWS+=("| $round | floor: SQL, $name | $rows | $seconds | $(rate "$rows" "$seconds") |")
  done <<< "$FLOOR"

  sign_in
  log "round $round: POST /api/v1/bulk (status in_progress, $TASKS ids)"
  T0="$(now_ms)"
  STARTED="$(api POST /api/v1/bulk "@$OUT/request.json")"
  ID="$(echo "$STARTED" | json_field id)"
  [[ -n "$ID" ]] || { log "the bulk action was not accepted: $(echo "$STARTED" | head -c 500)"; exit 1; }
  T1="$(now_ms)" # the 202
  ANSWER="$(follow "$ID" FINISHED)"
  BULK_S="$(seconds_since "$T1")"
  SUCCEEDED="$(echo "$ANSWER" | json_number succeeded)"
  FAILED="$(echo "$ANSWER" | json_number failed)"
  log "round $round: bulk $ID FINISHED in $BULK_S s after the 202 (the POST took $(awk -v a="$T0" -v b="$T1" 'BEGIN{printf "%.2f", (b-a)/1000}') s): $SUCCEEDED succeeded, $FAILED failed"
  ROWS+=("| $round | bulk status, POST /api/v1/bulk (202 after $(awk -v a="$T0" -v b="$T1" 'BEGIN{printf "%.2f", (b-a)/1000}') s) | $SUCCEEDED ($FAILED failed) | $BULK_S | $(rate "$SUCCEEDED" "$BULK_S") |")

  sign_in
  T0="$(now_ms)"
  UNDO="$(api POST "/api/v1/bulk/$ID/undo")"
  T1="$(now_ms)"
  ANSWER="$(follow "$ID" UNDONE)"
  UNDO_S="$(seconds_since "$T1")"
  UNDONE="$(echo "$ANSWER" | json_number undone)"
  UNDO_FAILED="$(echo "$ANSWER" | json_number undoFailed)"
  log "round $round: undo UNDONE in $UNDO_S s after the 202: $UNDONE undone, $UNDO_FAILED could not be undone"
  ROWS+=("| $round | undo, POST /api/v1/bulk/{id}/undo (202 after $(awk -v a="$T0" -v b="$T1" 'BEGIN{printf "%.2f", (b-a)/1000}') s) | $UNDONE ($UNDO_FAILED failed) | $UNDO_S | $(rate "$UNDONE" "$UNDO_S") |")
  LEFT="$(psql_db -d "$DB_NAME" -At -c "select count(*) from tasks where campaign_id = '$CAMPAIGN' and status <> 'TODO'")"
  [[ "$LEFT" == "0" ]] || log "round $round: $LEFT tasks are not 'to do' after the undo"
done
app_memory
LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"

stop_app
drop_db
[[ "$KEEP" == "1" ]] || rm -rf "$DATA_DIR"
{
  echo "## Flightdeck bulk action benchmark, run $RUN_ID"
  echo
  echo "- command: \`perf/bulk-bench.sh\` (TASKS=$TASKS ROUNDS=$ROUNDS POLL=$POLL; jar $(basename "$JAR"), app JVM options: ${JAVA_OPTS:-(none)}); PostgreSQL on localhost"
  echo "- data: $TASKS tasks \"to do\" in one campaign without a timeline; the bulk action moves them all to in_progress (chunks of 100, one transaction a chunk, each item atomic: docs/bulk.md), the undo puts them back"
  echo "- seconds from the 202 until the operation says FINISHED / UNDONE, polled every $POLL s; aim: each under 10 s for 10,000"
  echo "- app memory after the run: RSS $((RSS_KB / 1024)) MB (peak $((HWM_KB / 1024)) MB); machine load after: $LOAD"
  echo
  echo "| round | what | items | seconds | items/s |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
} | tee "$OUT/summary.md"
