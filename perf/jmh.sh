#!/usr/bin/env bash
# JMH micro-benchmarks of the pure planning code (issue 5): the critical path, backward timeline generation and
# auto-assignment. They live in src/bench/java and only the `bench` Maven profile compiles them, so
# ./mvnw verify and CI never see them. See docs/benchmarks.md ("Planning (issue 5): JMH").
#
#   perf/jmh.sh                      every benchmark, with the settings in the classes
#                                    (1 fork, 3 x 2 s warm-up, 5 x 2 s measurement, average and sample modes)
#   perf/jmh.sh Timeline -prof gc    any JMH arguments: a regex of benchmarks, -bm avgt, -prof gc, -h ...
#
# Output goes to the console and to target/jmh/<UTC time>.txt (and .json). MVN_OPTS adds Maven options, e.g. -o.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p target/jmh
echo "jmh: building (./mvnw -Pbench test-compile), results go to target/jmh/$stamp.{txt,json}"
# shellcheck disable=SC2086
./mvnw -q -B ${MVN_OPTS:-} -Pbench -DskipTests test-compile
# shellcheck disable=SC2086
./mvnw -q -B ${MVN_OPTS:-} -Pbench exec:exec@jmh \
  -Djmh.args="-rf json -rff target/jmh/$stamp.json $*" | tee "target/jmh/$stamp.txt"
