# Shared by perf/search.sh, perf/site-search.sh and perf/bulk-bench.sh: the settings, the jar, a fresh PostgreSQL
# database, the app started on it (and stopped on exit), the bench user signed up and signed in, a curl helper for the
# API, items/s and the app's memory: kept here once so that no benchmark carries a copy. Source it after setting NAME
# (the benchmark's name, for logs and the results folder), DEFAULT_PORT and DEFAULT_DB (and BENCH_EMAIL to keep
# another address); a script may set DATA_DIR again after it.
#
# Settings (environment): PORT, JAR, JAVA_OPTS (app JVM options, default none), DB_HOST/DB_PORT/DB_NAME/DB_USER/
# DB_PASSWORD (localhost/5432/$DEFAULT_DB/flightdeck/flightdeck), KEEP (0: 1 keeps the database afterwards).

PERF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PERF_DIR/.." && pwd)"
PORT="${PORT:-$DEFAULT_PORT}"
DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME="${DB_NAME:-$DEFAULT_DB}"
DB_USER="${DB_USER:-flightdeck}"
DB_PASSWORD="${DB_PASSWORD:-flightdeck}"
KEEP="${KEEP:-0}"
BENCH_EMAIL="${BENCH_EMAIL:-$NAME@example.com}"
BENCH_PASSWORD="bench-password-1"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$PERF_DIR/target/results/$NAME-$RUN_ID"
DATA_DIR="$PERF_DIR/target/$NAME-data"
mkdir -p "$OUT"
BASE_URL="http://localhost:$PORT"
export PGPASSWORD="$DB_PASSWORD"

psql_db() { psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"; }
log() { printf '[%s %s] %s\n' "$NAME" "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN{printf "%.2f", (b-a)/1000}'; }
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
json_number() { sed -n "s/.*\"$1\":\\([0-9]*\\).*/\\1/p"; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN{printf "%.0f", n/s}'; } # items seconds -> items/s

# ---- the jar: built once (./mvnw -q -DskipTests package); rebuild it after changing code ----
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

# ---- the database: dropped and created; a user without CREATEDB empties the public schema of DB_NAME instead ----
if ! pg_isready -q -h "$DB_HOST" -p "$DB_PORT"; then
  echo "PostgreSQL does not answer on $DB_HOST:$DB_PORT" >&2
  exit 1
fi
may_create_databases() {
  [[ "$(psql_db -d postgres -At -c "select rolcreatedb or rolsuper from pg_roles where rolname = current_user")" == "t" ]]
}
fresh_db() {
  if may_create_databases; then
    psql_db -d postgres -c "drop database if exists $DB_NAME with (force)" -c "create database $DB_NAME"
  else
    log "no right to create databases: emptying the public schema of $DB_NAME instead"
    psql_db -d "$DB_NAME" -c "set client_min_messages = warning" -c "drop schema public cascade" -c "create schema public"
  fi
}
drop_db() {
  [[ "$KEEP" == "1" ]] && return 0
  if may_create_databases; then
    psql_db -d postgres -c "drop database if exists $DB_NAME with (force)" || true
  else
    psql_db -d "$DB_NAME" -c "set client_min_messages = warning" -c "drop schema public cascade" -c "create schema public" || true
  fi
}

# ---- the app on that database; stopped when the script exits, however it exits ----
APP_PID=""
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT
start_app() {
  log "starting the app on port $PORT (PostgreSQL $DB_HOST:$DB_PORT/$DB_NAME, data in $DATA_DIR)"
  mkdir -p "$DATA_DIR"
  # shellcheck disable=SC2086
  FLIGHTDECK_PORT="$PORT" \
  FLIGHTDECK_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
  FLIGHTDECK_DB_USER="$DB_USER" FLIGHTDECK_DB_PASSWORD="$DB_PASSWORD" \
  FLIGHTDECK_DEMO=false FLIGHTDECK_RATE_LIMITS_ENABLED=false FLIGHTDECK_DATA_DIR="$DATA_DIR" FLIGHTDECK_SEARCH_INDEX_ON_STARTUP=false \
    java ${JAVA_OPTS:-} -jar "$JAR" > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1800); do
    curl -sf -o /dev/null "$BASE_URL/actuator/health/readiness" && break
    kill -0 "$APP_PID" 2>/dev/null || { log "the app exited; see $OUT/app.log"; tail -n 40 "$OUT/app.log" >&2; exit 1; }
    sleep 0.1
  done
  curl -sf -o /dev/null "$BASE_URL/actuator/health/readiness" || { log "the app was not ready within 180 s"; exit 1; }
  # other people's apps run on this machine too: make sure the one answering is ours
  ss -ltnpH "sport = :$PORT" | grep -q "pid=$APP_PID," || { log "port $PORT is answered by another process"; exit 1; }
  log "the app is ready"
}

# ---- the bench user (owner, so admin: the reindex and every bulk action are allowed) ----
sign_up() {
  TOKEN="$(curl -s -X POST "$BASE_URL/api/v1/auth/signup" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d "{\"workspaceName\":\"$NAME\",\"displayName\":\"Bench Owner\",\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\",\"timeZone\":\"UTC\"}" \
    | json_field accessToken)"
  [[ -n "$TOKEN" ]] || { log "sign-up failed"; exit 1; }
  WORKSPACE="$(psql_db -d "$DB_NAME" -At -c "select m.tenant_id from memberships m join users u on u.id = m.user_id where u.email = '$BENCH_EMAIL'")"
  USER_ID="$(psql_db -d "$DB_NAME" -At -c "select id from users where email = '$BENCH_EMAIL'")"
}
# access tokens live 15 minutes, less than some runs: sign in again before each use that may come late
sign_in() {
  TOKEN="$(curl -s -X POST "$BASE_URL/api/v1/auth/token" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" | json_field accessToken)"
  [[ -n "$TOKEN" ]] || { log "sign-in failed"; exit 1; }
}
# the app's resident memory now and its peak, in kB, into RSS_KB and HWM_KB (read before stop_app)
app_memory() {
  RSS_KB="$(awk '/^VmRSS/{print $2}' "/proc/$APP_PID/status")"
  HWM_KB="$(awk '/^VmHWM/{print $2}' "/proc/$APP_PID/status")"
}
api() { # method path [json | @file]
  local body=()
  [[ $# -ge 3 ]] && body=(-H 'Content-Type: application/json' --data-binary "$3")
  curl -s -X "$1" "$BASE_URL$2" -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' "${body[@]}"
}
