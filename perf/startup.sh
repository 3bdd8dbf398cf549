#!/usr/bin/env bash
# Startup to readiness and resident memory, three ways, on PostgreSQL (see docs/benchmarks.md):
#   1. java -jar on the default JDK (17)
#   2. the extracted jar with an AppCDS archive (JDK 17, -XX:SharedArchiveFile)
#   3. the extracted jar with a JDK 25 AOT cache (JEP 483, -XX:AOTCache; what -Pstartup-cache builds)
# Each archive is trained once (the app starts, refreshes its context and exits), then each mode starts RUNS times,
# each start of Flightdeck right after a start of the floor in the same mode: a bare Spring Boot web app with Actuator
# (perf/bare-app, the same Boot and JDK), so each figure is also a ratio to what Boot itself takes on this machine now.
#   perf/startup.sh            # RUNS=3, JDK25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java, PORT=18181
set -euo pipefail
PERF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PERF_DIR/.." && pwd)"
RUNS="${RUNS:-3}"
PORT="${PORT:-18181}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
OUT="$PERF_DIR/target/startup"
DB="flightdeck_startup"

JAR="$(ls "$ROOT"/target/flightdeck-*.jar 2>/dev/null | grep -v original | head -n1 || true)"
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
  JAR="$(ls "$ROOT"/target/flightdeck-*.jar | grep -v original | head -n1)"
fi
rm -rf "$OUT" && mkdir -p "$OUT"
java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" > /dev/null
APP="$OUT/app/$(basename "$JAR")"
(cd "$ROOT" && ./mvnw -q -o -f perf/bare-app/pom.xml -DskipTests package)
java -Djarmode=tools -jar "$PERF_DIR/bare-app/target/bare-app-1.jar" extract --destination "$OUT/bare" > /dev/null
BARE="$OUT/bare/bare-app-1.jar"

export PGPASSWORD=flightdeck
psql -X -q -h localhost -U flightdeck -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
export FLIGHTDECK_DB_URL="jdbc:postgresql://localhost:5432/$DB" FLIGHTDECK_DB_USER=flightdeck FLIGHTDECK_DB_PASSWORD=flightdeck
export FLIGHTDECK_DEMO=false FLIGHTDECK_DATA_DIR="$OUT/data" FLIGHTDECK_PORT="$PORT"

# Migrations run once before timing, so every timed start finds the same schema.
java -Dspring.context.exit=onRefresh -jar "$JAR" > "$OUT/migrate.log" 2>&1
java -XX:ArchiveClassesAtExit="$OUT/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP" > "$OUT/train-cds.log" 2>&1
"$JDK25" -XX:AOTCacheOutput="$OUT/app.aot" -Dspring.context.exit=onRefresh -jar "$APP" > "$OUT/train-aot.log" 2>&1
java -XX:ArchiveClassesAtExit="$OUT/bare.jsa" -Dspring.context.exit=onRefresh -jar "$BARE" > "$OUT/train-bare-cds.log" 2>&1
"$JDK25" -XX:AOTCacheOutput="$OUT/bare.aot" -Dspring.context.exit=onRefresh -jar "$BARE" > "$OUT/train-bare-aot.log" 2>&1

# one start: prints the milliseconds to readiness UP and the resident memory then (MB)
start_once() {
  local log="$1"; shift
  local start pid
  start=$(date +%s%3N)
  "$@" > "$log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/actuator/health/readiness" > /dev/null; do sleep 0.05; done
  echo "$(( $(date +%s%3N) - start )) $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# mode name, then the floor's command line and Flightdeck's, separated by --
measure() {
  local name="$1"; shift
  local floor=() app=()
  while [[ "$1" != "--" ]]; do floor+=("$1"); shift; done
  shift; app=("$@")
  for i in $(seq 1 "$RUNS"); do
    read -r bare_ms bare_mb < <(start_once "$OUT/$name-bare-$i.log" "${floor[@]}")
    read -r app_ms app_mb < <(start_once "$OUT/$name-$i.log" "${app[@]}")
    printf '| %s | %d | %d ms | %d ms | %s | %s MB |\n' "$name" "$i" "$app_ms" "$bare_ms" \
      "$(awk -v a="$app_ms" -v b="$bare_ms" 'BEGIN{printf "%.1f", a/b}')" "$app_mb"
  done
}

echo "| mode | run | Flightdeck: start to readiness UP | bare Boot app (floor) | ratio | Flightdeck RSS when ready |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
measure "jdk17-jar" java -jar "$PERF_DIR/bare-app/target/bare-app-1.jar" -- java -jar "$JAR"
measure "jdk17-appcds" java -XX:SharedArchiveFile="$OUT/bare.jsa" -jar "$BARE" -- \
  java -XX:SharedArchiveFile="$OUT/app.jsa" -jar "$APP"
measure "jdk25-aot-cache" "$JDK25" -XX:AOTCache="$OUT/bare.aot" -jar "$BARE" -- \
  "$JDK25" -XX:AOTCache="$OUT/app.aot" -jar "$APP"
