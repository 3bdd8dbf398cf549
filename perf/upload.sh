#!/usr/bin/env bash
# Upload benchmark (issue 12): a 1 GiB file uploaded to local storage, beside `sha256sum` of the same file in the
# same run, with the application's peak heap. See docs/benchmarks.md, "Asset uploads".
#
#   perf/upload.sh                      # 2 runs of 1 GiB, each as a raw-body upload and as a multipart upload, -Xmx256m
#   SIZE_MB=256 RUNS=3 TRANSPORTS=raw perf/upload.sh
#
# 1. builds target/flightdeck-*.jar if it is missing
# 2. drops and creates a fresh PostgreSQL database (flightdeck_bench_upload on localhost:5432)
# 3. starts the app with a capped heap and a GC log, signs up a workspace
# 4. per run: writes a fresh random file (so dedup never shortcuts it), reads it once (page cache, as for the upload),
#    times `sha256sum` of it, then times `curl` uploading it to /api/v1/campaign-assets/assets: "raw" sends the bytes as
#    the request body (application/octet-stream, one pass into storage), "multipart" as a form (the server spools the
#    part to disk before the library reads it)
# 5. prints MB/s of both, the ratio, and the peak heap in use from the GC log (the highest "before" of any collection)
#
# Settings: SIZE_MB (1024), RUNS (2), TRANSPORTS ("raw multipart"), PORT (18081), HEAP (256m), JAR, DB_* as perf/run.sh,
# WORK (perf/target/upload).
set -euo pipefail

PERF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PERF_DIR/.." && pwd)"
SIZE_MB="${SIZE_MB:-1024}"
RUNS="${RUNS:-2}"
TRANSPORTS="${TRANSPORTS:-raw multipart}"
PORT="${PORT:-18081}"
HEAP="${HEAP:-256m}"
DB_HOST="${DB_HOST:-localhost}"
DB_PORT="${DB_PORT:-5432}"
DB_NAME="${DB_NAME:-flightdeck_bench_upload}"
DB_USER="${DB_USER:-flightdeck}"
DB_PASSWORD="${DB_PASSWORD:-flightdeck}"
WORK="${WORK:-$PERF_DIR/target/upload}"
BASE_URL="http://localhost:$PORT"
export PGPASSWORD="$DB_PASSWORD"
log() { printf '[upload.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }

JAR="${JAR:-$(ls "$ROOT"/target/flightdeck-*.jar 2>/dev/null | grep -v original | head -n1 || true)}"
if [[ -z "$JAR" || ! -f "$JAR" ]]; then
  log "building the jar (./mvnw -q -DskipTests package)"
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
  JAR="$(ls "$ROOT"/target/flightdeck-*.jar | grep -v original | head -n1)"
fi
if curl -s -o /dev/null "$BASE_URL/"; then
  echo "Something already answers on port $PORT; set PORT to a free one." >&2
  exit 1
fi

rm -rf "$WORK"
mkdir -p "$WORK"
psql -X -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -c "drop database if exists $DB_NAME with (force)"
psql -X -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -c "create database $DB_NAME"

log "starting $JAR with -Xmx$HEAP"
FLIGHTDECK_PORT="$PORT" FLIGHTDECK_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
FLIGHTDECK_DB_USER="$DB_USER" FLIGHTDECK_DB_PASSWORD="$DB_PASSWORD" FLIGHTDECK_DEMO=false FLIGHTDECK_RATE_LIMITS_ENABLED=false \
FLIGHTDECK_DATA_DIR="$WORK/app-data" FLIGHTDECK_ASSETS_MAX_UPLOAD_SIZE=5GB \
  java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" -Djava.io.tmpdir="$WORK/tmp" -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
mkdir -p "$WORK/tmp"
trap 'kill $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$BASE_URL/actuator/health/readiness" > /dev/null && break
  sleep 1
done

TOKEN="$(curl -sf -X POST "$BASE_URL/api/v1/auth/signup" -H 'Content-Type: application/json' \
  -d '{"workspaceName":"Upload bench","displayName":"Bench","email":"upload-bench@example.com","password":"bench-password-1"}' \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')"
curl -sf -X PUT "$BASE_URL/api/v1/asset-settings" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"maxUploadBytes":5368709120,"similarityThreshold":8}' > /dev/null

printf '| run | transport | size | sha256sum | upload | upload / sha256sum |\n| --- | --- | --- | --- | --- | --- |\n' > "$WORK/summary.md"
for run in $(seq 1 "$RUNS"); do
  for transport in $TRANSPORTS; do
    FILE="$WORK/file-$run-$transport.bin"
    head -c "${SIZE_MB}M" /dev/urandom > "$FILE"
    cat "$FILE" > /dev/null
    start=$(now_ms); sha256sum "$FILE" > /dev/null; hash_ms=$(( $(now_ms) - start ))
    start=$(now_ms)
    if [[ "$transport" == raw ]]; then
      status=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -X POST \
        "$BASE_URL/api/v1/campaign-assets/assets?name=file-$run.bin" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/octet-stream' -H 'Expect:' -T "$FILE")
    else
      status=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -X POST "$BASE_URL/api/v1/campaign-assets/assets" \
        -H "Authorization: Bearer $TOKEN" -F "file=@$FILE;type=application/octet-stream")
    fi
    upload_ms=$(( $(now_ms) - start ))
    [[ "$status" == "201" ]] || { log "run $run ($transport) answered $status: $(cat "$WORK/answer.json")"; exit 1; }
    grep -q "$(sha256sum "$FILE" | cut -d' ' -f1)" "$WORK/answer.json" || { log "the answer does not carry the file's SHA-256"; exit 1; }
    awk -v r="$run" -v t="$transport" -v mb="$SIZE_MB" -v h="$hash_ms" -v u="$upload_ms" 'BEGIN {
      printf "| %d | %s | %d MiB | %.0f MB/s (%d ms) | %.0f MB/s (%d ms) | %.0f %% |\n", r, t, mb, mb*1.048576/(h/1000), h, mb*1.048576/(u/1000), u, 100*h/u }' \
      >> "$WORK/summary.md"
    rm -f "$FILE"
  done
done
peak=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc.log" | cut -dM -f1 | sort -n | tail -1)
live=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
{
  echo
  echo "Peak heap in use (largest heap before a collection, GC log): ${peak:-?} MiB of -Xmx$HEAP; largest heap left after a collection: ${live:-?} MiB; file size ${SIZE_MB} MiB."
  echo "Machine: $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} >> "$WORK/summary.md"
cat "$WORK/summary.md"
