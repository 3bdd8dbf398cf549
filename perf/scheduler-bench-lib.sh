# Shared by perf/render-bench.sh, perf/publish-bench.sh and perf/notify-bench.sh: the settings, the jar, the classpath of the Java drivers,
# the database, and the app started on PostgreSQL and stopped again. Source it after setting NAME (the benchmark's
# name), DEFAULT_PORT and DEFAULT_DB.
#
# Settings (environment): PORT, JAR, DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD (localhost/5432/…/flightdeck/
# flightdeck), JAVA_OPTS (-Xms1g -Xmx1g: a fixed heap, so that G1 sizing it differently from run to run does not
# move the figures; docs/benchmarks.md, "Jobs kit against the old jar"), THREADS (FLIGHTDECK_JOB_THREADS for the app
# and the floor; 4, the app's default).

PERF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PERF_DIR/.." && pwd)"
PORT="${PORT:-$DEFAULT_PORT}"
DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME="${DB_NAME:-$DEFAULT_DB}"
DB_USER="${DB_USER:-flightdeck}"
DB_PASSWORD="${DB_PASSWORD:-flightdeck}"
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx1g}"
THREADS="${THREADS:-4}"
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/target/$NAME/$RUN_ID"
mkdir -p "$OUT/app-data"
BASE_URL="http://localhost:$PORT"
JDBC="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME"
log() { printf '[%s %s] %s\n' "$NAME" "$(date -u +%H:%M:%S)" "$*" >&2; }

# NEEDS_JAR=false: a benchmark that runs the app from the build's classes (perf/notify-bench.sh)
if [[ "${NEEDS_JAR:-true}" == true ]]; then
  JAR="${JAR:-$(ls "$ROOT"/target/flightdeck-*.jar 2>/dev/null | grep -v original | head -n1 || true)}"
  if [[ -z "$JAR" || ! -f "$JAR" ]]; then
    log "building the jar (./mvnw -q -DskipTests package)"
    (cd "$ROOT" && ./mvnw -q -DskipTests package)
    JAR="$(ls "$ROOT"/target/flightdeck-*.jar | grep -v original | head -n1)"
  fi
  log "jar: $JAR"
fi
M2=~/.m2/repository
CP="$(ls $M2/org/postgresql/postgresql/42.*/postgresql-42.*.jar | sort -V | tail -n1)"
CP="$CP:$(ls $M2/com/github/kagkarlsson/db-scheduler/*/db-scheduler-*.jar | grep -v sources | sort -V | tail -n1)"
CP="$CP:$(ls $M2/com/zaxxer/HikariCP/*/HikariCP-*.jar | grep -v sources | sort -V | tail -n1)"
CP="$CP:$(ls $M2/org/slf4j/slf4j-api/2.*/slf4j-api-2.*.jar | sort -V | tail -n1)"

if curl -s -o /dev/null "$BASE_URL/"; then
  echo "Something already answers on port $PORT; set PORT to a free one." >&2
  exit 1
fi
if ! PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc \
    "select 1 from pg_database where datname = '$DB_NAME'" | grep -q 1; then
  PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc "create database $DB_NAME"
fi

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

# start_app [application arguments…]: the jar on PostgreSQL, waiting until it is ready
start_app() {
  log "starting the app on port $PORT (PostgreSQL $DB_NAME, $JAVA_OPTS, $THREADS job threads) $*"
  # shellcheck disable=SC2086
  FLIGHTDECK_PORT="$PORT" FLIGHTDECK_DB_URL="$JDBC" FLIGHTDECK_DB_USER="$DB_USER" FLIGHTDECK_DB_PASSWORD="$DB_PASSWORD" \
  FLIGHTDECK_DEMO=false FLIGHTDECK_RATE_LIMITS_ENABLED=false FLIGHTDECK_DATA_DIR="$OUT/app-data" FLIGHTDECK_JOB_THREADS="$THREADS" \
  LOGGING_LEVEL_IO_FLIGHTDECK_REQUESTS=warn \
    java $JAVA_OPTS "-Xlog:gc:file=$OUT/gc.log:time" -jar "$JAR" "$@" > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1800); do
    curl -sf -o /dev/null "$BASE_URL/actuator/health/readiness" && break
    kill -0 "$APP_PID" 2>/dev/null || { log "the app exited; see $OUT/app.log"; tail -n 40 "$OUT/app.log" >&2; exit 1; }
    sleep 0.1
  done
  log "ready; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# floor JOBS LATE_JOBS: db-scheduler's own no-op task on the same database, threads and polling (the app stopped)
floor() {
  stop_app
  log "the app is stopped; the floor on the same database"
  java -cp "$CP" "$PERF_DIR/RenderBenchmark.java" floor "$JDBC" "$DB_USER" "$DB_PASSWORD" "$OUT" "$1" "$2" \
    "$THREADS" | tee -a "$OUT/bench.log"
  log "load average after: $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
}
