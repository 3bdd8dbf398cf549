#!/usr/bin/env python3
"""Summarises one run of perf/site-search.sh (SiteSearchSimulation) as Markdown.

Reads the statistics table of Gatling's HTML report with perf/summarize.py's reader, and the figures site-search.sh
measured itself (data volume, seeding, reindex, index size, memory, machine load).
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from summarize import col, fmt, read_report  # noqa: E402

SEARCHES = ["search-empty", "search-word", "search-two-words", "search-typo", "search-filters", "search-page2"]


def main():
    p = argparse.ArgumentParser()
    for name in ["report", "run-id", "jar", "java-opts", "volume", "seed", "reindex", "index-size", "db-size",
                 "load-before", "load-after", "mix", "gatling-rc"]:
        p.add_argument("--" + name, default="")
    for name in ["latency-seconds", "sat-seconds", "warmup-seconds", "concurrency", "rss-kb", "hwm-kb"]:
        p.add_argument("--" + name, type=int, default=0)
    p.add_argument("--rate", type=float, default=0)
    a = p.parse_args()
    stats = read_report(a.report)
    w = print

    w(f"## Flightdeck site search benchmark, run {a.run_id}")
    w("")
    w(f"- command: `perf/site-search.sh` (jar {a.jar}, app JVM options: {a.java_opts}); PostgreSQL on localhost; "
      f"embedded Lucene indexes on local disk")
    w(f"- data: {a.volume}; database {a.db_size}; index {a.index_size}")
    w(f"- seeding: {a.seed}; reindex (POST /api/v1/search/reindex): {a.reindex}")
    w(f"- warm-up {a.warmup_seconds} s, then latency {a.latency_seconds} s, open model at {a.rate:g} arrivals/s "
      f"(mix liveness,empty,word,two-words,typo,filters,page2 = {a.mix} %), every search with its facets; saturation: "
      f"{a.concurrency} users in a closed loop, {a.sat_seconds} s each for liveness, the search mix, liveness again")
    w(f"- app memory after the run: RSS {a.rss_kb / 1024:.0f} MB (peak {a.hwm_kb / 1024:.0f} MB); machine load "
      f"{a.load_before} before, {a.load_after} after")
    w("")
    w(f"### Latency, open model at {a.rate:g} arrivals/s for {a.latency_seconds} s (ms; aim: p99 < 50 for each search)")
    w("")
    w("| request | count | p50 | p95 | p99 | max | errors |")
    w("| --- | --- | --- | --- | --- | --- | --- |")
    for request in ["liveness"] + SEARCHES:
        v = stats.get(("latency", request), {})
        w(f"| {request} | {fmt(col(v, 'Total'))} | {fmt(col(v, '50th pct'))} | {fmt(col(v, '95th pct'))} | "
          f"{fmt(col(v, '99th pct'))} | {fmt(col(v, 'Max'))} | {fmt(col(v, 'KO'))} |")
    w("")
    w(f"### Throughput at saturation, {a.concurrency} users, {a.sat_seconds} s each")
    w("")
    floors = [col(stats.get((g, "liveness"), {}), "Total") / a.sat_seconds for g in ("sat-liveness", "sat-liveness-end")]
    floors = [f for f in floors if not math.isnan(f)]
    floor = sum(floors) / len(floors) if floors else math.nan
    w("| phase | request | requests/s | p50 | p99 | ratio to the liveness floor |")
    w("| --- | --- | --- | --- | --- | --- |")
    for group, request in [("sat-liveness", "liveness")] + [("sat-search", s) for s in SEARCHES] + [
            ("sat-liveness-end", "liveness")]:
        v = stats.get((group, request), {})
        rps = col(v, "Total") / a.sat_seconds
        w(f"| {group} | {request} | {fmt(rps, 1)} | {fmt(col(v, '50th pct'))} | {fmt(col(v, '99th pct'))} | "
          f"{fmt(rps / floor if floor else math.nan, 3)} |")
    total = sum(col(stats.get(("sat-search", s), {}), "Total") for s in SEARCHES
                if not math.isnan(col(stats.get(("sat-search", s), {}), "Total")))
    w(f"| sat-search | all searches | {fmt(total / a.sat_seconds, 1)} | | | "
      f"{fmt((total / a.sat_seconds) / floor if floor else math.nan, 3)} |")
    w("")
    errors = sum(col(v, "KO") for v in stats.values() if not math.isnan(col(v, "KO")))
    w(f"Failed requests: {fmt(errors)}; Gatling exit code {a.gatling_rc} (non-zero also when the 50 ms p99 aim is "
      f"missed by any search).")


if __name__ == "__main__":
    main()
