#!/usr/bin/env bash
# A quick cross-check of the Gatling figures with wrk, as in the performance issue: liveness (the floor), a get by id
# with a JWT, the same get with a personal API key, and the first page of the campaign list, each for DURATION
# seconds on CONNECTIONS connections with 2 threads, after WARMUP seconds of the same request (see docs/benchmarks.md).
#
#   perf/wrk.sh            # PORT (18280), DB_NAME (flightdeck_wrk), CONNECTIONS (4), DURATION (15), WARMUP (20),
#                          # SEED (200 campaigns), JAVA_OPTS, JAR, ROUNDS (2: the four requests twice, in turn),
#                          # SETTLE_MAX (120: at most that many 3-second waits for the JIT to go quiet after a warm-up)
set -euo pipefail
PERF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PERF_DIR/.." && pwd)"
PORT="${PORT:-18280}"
DB_NAME="${DB_NAME:-flightdeck_wrk}"
CONNECTIONS="${CONNECTIONS:-4}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-20}"   # 10 s left the first authenticated request still paying the JIT (docs/benchmarks.md)
SEED="${SEED:-200}"
ROUNDS="${ROUNDS:-2}"
BASE="http://localhost:$PORT"
OUT="$PERF_DIR/target/wrk/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
JAR="${JAR:-$(ls "$ROOT"/target/flightdeck-*.jar 2>/dev/null | grep -v original | head -n1 || true)}"
[[ -f "$JAR" ]] || { (cd "$ROOT" && ./mvnw -q -DskipTests package); JAR="$(ls "$ROOT"/target/flightdeck-*.jar | grep -v original | head -n1)"; }

export PGPASSWORD=flightdeck
psql -X -q -h localhost -U flightdeck -d postgres -c "drop database if exists $DB_NAME with (force)" -c "create database $DB_NAME"
APP_PID=""
trap '[[ -n "$APP_PID" ]] && kill "$APP_PID" 2> /dev/null; wait 2> /dev/null' EXIT
# shellcheck disable=SC2086
FLIGHTDECK_PORT="$PORT" FLIGHTDECK_DB_URL="jdbc:postgresql://localhost:5432/$DB_NAME" FLIGHTDECK_DB_USER=flightdeck \
FLIGHTDECK_DB_PASSWORD=flightdeck FLIGHTDECK_DEMO=false FLIGHTDECK_RATE_LIMITS_ENABLED=false FLIGHTDECK_DATA_DIR="$OUT/data" \
  java ${JAVA_OPTS:-} -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
  kill -0 "$APP_PID" 2> /dev/null || { tail -n 30 "$OUT/app.log"; exit 1; }
  sleep 0.2
done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
TOKEN="$(curl -sf -H 'Content-Type: application/json' "$BASE/api/v1/auth/signup" -d '{"workspaceName":"Wrk","displayName":"Wrk Owner",
  "email":"wrk@example.com","password":"wrk-password-1","timeZone":"Europe/Berlin"}' | json "['accessToken']")"
AUTH=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')
for i in $(seq 1 "$SEED"); do
  curl -sf "${AUTH[@]}" "$BASE/api/v1/campaigns" -d "{\"name\":\"Wrk campaign $i\",\"type\":\"OTHER\",\"priority\":\"MEDIUM\",
    \"startDate\":\"2027-03-01\",\"endDate\":\"2027-04-30\",\"channels\":[\"EMAIL\"],\"tags\":[\"wrk\"],
    \"description\":\"A campaign for the wrk cross-check\"}" > "$OUT/last-campaign.json"
done
ID="$(json "['id']" < "$OUT/last-campaign.json")"
KEY="$(curl -sf "${AUTH[@]}" "$BASE/api/v1/api-keys" -d '{"name":"wrk","roleCeiling":"OWNER"}' | json "['secret']")"
curl -sf -o /dev/null -H "Authorization: Bearer $KEY" "$BASE/api/v1/campaigns/$ID" || { echo "the API key does not work" >&2; exit 1; }

# After a warm-up the JIT goes on compiling for a while (C2 took up to two minutes of a core after start-up here);
# measuring meanwhile charges that to whichever request runs then. Wait until the app is idle (under 5% of a core
# for 3 s, at most SETTLE_MAX seconds) before each measured run.
settle() {
  local ticks_per_s; ticks_per_s=$(getconf CLK_TCK)
  for _ in $(seq 1 "${SETTLE_MAX:-120}"); do
    local before after
    before=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat"); sleep 3; after=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
    (( (after - before) * 100 < ticks_per_s * 3 * 5 )) && return 0
  done
}
run() { # name, then wrk's arguments after the URL
  local name="$1" url="$2"; shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$@" "$url" > /dev/null
  settle
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" > "$OUT/$name.txt"
  printf '| %s | %s | %s | %s |\n' "$name" \
    "$(awk '/Requests\/sec/ {printf "%d", $2}' "$OUT/$name.txt")" \
    "$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")" "$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")"
  grep -q 'Non-2xx' "$OUT/$name.txt" && echo "  ($name had non-2xx answers)" || true
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $CONNECTIONS connections, ${DURATION}s each after ${WARMUP}s warm-up"
echo "| request | req/s | p50 | p99 |"
echo "| --- | ---: | ---: | ---: |"
for round in $(seq 1 "$ROUNDS"); do
  run "liveness-$round" "$BASE/actuator/health/liveness"
  run "get-jwt-$round" "$BASE/api/v1/campaigns/$ID" -H "Authorization: Bearer $TOKEN"
  run "get-key-$round" "$BASE/api/v1/campaigns/$ID" -H "Authorization: Bearer $KEY"
  run "list-jwt-$round" "$BASE/api/v1/campaigns?page=0&size=20" -H "Authorization: Bearer $TOKEN"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
