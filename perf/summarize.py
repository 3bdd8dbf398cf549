#!/usr/bin/env python3
"""Summarises one benchmark run of perf/run.sh as Markdown.

Reads the statistics table of Gatling's HTML report (Gatling 3.14 writes no JSON statistics; the columns are found by
their titles, and the percentiles are pinned in src/test/resources/gatling.conf), the Prometheus scrape taken after the
run, and the figures run.sh measured itself (startup, RSS, data volume).
"""
import argparse
import html.parser
import math
import os
import re
import sys

REQUEST_ORDER = ["liveness", "get", "list", "create", "update", "transition"]


class StatsTable(html.parser.HTMLParser):
    """Rows of the report's statistics table: id, parent id, name and the value cells by column class."""

    def __init__(self):
        super().__init__()
        self.headers = {}
        self.rows = []
        self._row = None
        self._cell = None
        self._header = None
        self._in_name = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "th" and (a.get("id") or "").startswith("col-"):
            self._header = a["id"]
            self.headers[self._header] = ""
        elif tag == "tr" and "data-parent" in a:
            self._row = {"id": a.get("id"), "parent": a["data-parent"], "name": "", "cells": {}}
            self.rows.append(self._row)
        elif tag == "span" and "ellipsed-name" in cls and self._row is not None:
            self._in_name = True
        elif tag == "td" and self._row is not None and "value" in cls:
            col = next((c for c in cls.split() if c.startswith("col-")), None)
            self._cell = col
            self._row["cells"][col] = ""

    def handle_endtag(self, tag):
        if tag == "th":
            self._header = None
        elif tag == "span":
            self._in_name = False
        elif tag == "td":
            self._cell = None
        elif tag == "tr":
            self._row = None

    def handle_data(self, data):
        if self._header:
            self.headers[self._header] += data.strip()
        if self._in_name and self._row is not None:
            self._row["name"] += data.strip()
        elif self._cell and self._row is not None:
            self._row["cells"][self._cell] += data.strip()


def number(text):
    try:
        return float(text.replace(",", ""))
    except (ValueError, AttributeError):
        return math.nan


def read_report(report_dir):
    """{(group, request): {column title: value}} for every request row under a group."""
    path = os.path.join(report_dir, "index.html")
    if not os.path.exists(path):
        return {}
    parser = StatsTable()
    with open(path, encoding="utf-8") as f:
        parser.feed(f.read())
    titles = {col: title for col, title in parser.headers.items()}
    by_id = {r["id"]: r for r in parser.rows}
    stats = {}
    for row in parser.rows:
        if not (row["id"] or "").startswith("req_"):
            continue
        parent = by_id.get(row["parent"])
        group = parent["name"] if parent else ""
        stats[(group, row["name"])] = {titles.get(c, c): number(v) for c, v in row["cells"].items()}
    return stats


def col(values, *names):
    for name in names:
        if name in values:
            return values[name]
    return math.nan


def fmt(value, digits=0):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


def read_prometheus(path):
    """Server-side request timings by (method, uri): count, sum seconds, max seconds; plus a few gauges."""
    timings = {}
    extra = {}
    if not os.path.exists(path):
        return timings, extra
    line_re = re.compile(r'^([a-zA-Z_:]+)(?:\{(.*)\})?\s+([0-9.eE+-]+)\s*$')
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = line_re.match(line)
            if not m:
                continue
            metric, labels, value = m.group(1), m.group(2), float(m.group(3))
            lab = dict(re.findall(r'(\w+)="([^"]*)"', labels or ""))
            if metric.startswith("http_server_requests_seconds"):
                key = (lab.get("method"), lab.get("uri"))
                t = timings.setdefault(key, {"count": 0, "sum": 0.0, "max": 0.0, "statuses": set()})
                if metric.endswith("_count"):
                    t["count"] += value
                    t["statuses"].add(lab.get("status"))
                elif metric.endswith("_sum"):
                    t["sum"] += value
                elif metric.endswith("_max"):
                    t["max"] = max(t["max"], value)
            elif metric == "jvm_gc_pause_seconds_sum":
                extra["gc_pause_s"] = extra.get("gc_pause_s", 0) + value
            elif metric == "jvm_gc_pause_seconds_count":
                extra["gc_pauses"] = extra.get("gc_pauses", 0) + value
            elif metric == "jvm_memory_used_bytes" and lab.get("area") == "heap":
                extra["heap_used"] = extra.get("heap_used", 0) + value
            elif metric == "jvm_memory_max_bytes" and lab.get("area") == "heap" and value > 0:
                extra["heap_max"] = extra.get("heap_max", 0) + value
            elif metric == "hikaricp_connections_max":
                extra["pool_max"] = value
            elif metric == "hikaricp_connections_usage_seconds_max":
                extra["pool_usage_max_s"] = value
            elif metric == "hikaricp_connections_acquire_seconds_sum":
                extra["acquire_sum"] = value
            elif metric == "hikaricp_connections_acquire_seconds_count":
                extra["acquire_count"] = value
            elif metric == "jvm_threads_live_threads":
                extra["threads"] = value
    return timings, extra


def main():
    p = argparse.ArgumentParser()
    for name in ["report", "prometheus", "mix", "seed-line", "startup", "boot-log", "campaigns", "activity", "audit",
                 "events", "statuses", "machine", "db-size", "load-before", "load-after", "app-cpu", "run-id", "jar", "java-opts"]:
        p.add_argument("--" + name, default="")
    for name in ["latency-seconds", "sat-seconds", "warmup-seconds", "concurrency", "seed", "rss-idle-kb", "rss-kb",
                 "hwm-kb", "gatling-seconds", "gatling-rc"]:
        p.add_argument("--" + name, type=int, default=0)
    p.add_argument("--rate", type=float, default=0)
    a = p.parse_args()

    stats = read_report(a.report)
    out = []
    w = out.append
    w(f"## Flightdeck campaign API benchmark, run {a.run_id}")
    w("")
    w(f"- command: `perf/run.sh` (jar {a.jar}, app JVM options: {a.java_opts}); PostgreSQL 15 on localhost, fresh database")
    w(f"- data: {a.seed_line}; after the run: {a.campaigns} campaigns ({a.statuses}), {a.activity} activity rows, "
      f"{a.audit} audit rows, {a.events} event publications, database {a.db_size}")
    w(f"- warm-up {a.warmup_seconds} s and latency phase {a.latency_seconds} s, open model at {a.rate:g} arrivals/s "
      f"(Poisson arrivals; mix liveness,get,list,journey = {a.mix} %; a journey is create, update and 5 transitions); "
      f"saturation: {a.concurrency} users in a closed loop on {a.concurrency} shared keep-alive connections, "
      f"{a.sat_seconds} s per request type, one type at a time")
    w(f"- startup to readiness UP: {a.startup} s (Spring's 'Started ... in': {a.boot_log} s); "
      f"RSS idle after start {a.rss_idle_kb / 1024:.0f} MB, after the run {a.rss_kb / 1024:.0f} MB "
      f"(peak VmHWM {a.hwm_kb / 1024:.0f} MB)")
    w(f"- machine: load average {a.load_before} before, {a.load_after} after; the app used {a.app_cpu} CPU-seconds "
      f"during the {a.gatling_seconds} s of Gatling (seeding included); {a.machine}")
    w("")

    w(f"### Latency, open model at {a.rate:g} arrivals/s for {a.latency_seconds} s (ms)")
    w("")
    w("| request | count | req/s | p50 | p95 | p99 | max | mean | errors |")
    w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for req in REQUEST_ORDER:
        v = stats.get(("latency", req))
        if not v:
            continue
        total = col(v, "Total")
        w(f"| {req} | {fmt(total)} | {fmt(total / a.latency_seconds, 1)} | {fmt(col(v, '50th pct'))} | "
          f"{fmt(col(v, '95th pct'))} | {fmt(col(v, '99th pct'))} | {fmt(col(v, 'Max'))} | {fmt(col(v, 'Mean'))} | "
          f"{fmt(col(v, 'KO'))} |")
    w("")

    w(f"### Throughput at saturation, {a.concurrency} connections, {a.sat_seconds} s each")
    w("")
    w("| request | count | req/s | p50 ms | p99 ms | errors | cost vs liveness floor |")
    w("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    floors = [col(stats.get((g, "liveness"), {}), "Total") / a.sat_seconds
              for g in ("sat-liveness", "sat-liveness-end") if (g, "liveness") in stats and a.sat_seconds]
    floor = sum(floors) / len(floors) if floors else math.nan
    ratios = {}
    rows = [(f"sat-{req}", req, req) for req in REQUEST_ORDER]
    rows.insert(1, ("sat-liveness-end", "liveness", "liveness (again, last)"))
    for group, req, label in rows:
        v = stats.get((group, req))
        if not v:
            continue
        rps = col(v, "Total") / a.sat_seconds
        ratio = floor / rps if rps else math.nan
        if group != "sat-liveness-end":
            ratios[req] = ratio
        w(f"| {label} | {fmt(col(v, 'Total'))} | {fmt(rps)} | {fmt(col(v, '50th pct'))} | {fmt(col(v, '99th pct'))} | "
          f"{fmt(col(v, 'KO'))} | {fmt(ratio, 1)}× |")
    w("")
    w(f"The floor is the mean of the two liveness rows: {fmt(floor)} req/s. Cost = floor req/s ÷ the request's req/s.")
    w("")

    errors = sum(col(v, "KO") for v in stats.values() if not math.isnan(col(v, "KO")))
    get_p99 = col(stats.get(("latency", "get"), {}), "99th pct")
    create_p99 = col(stats.get(("latency", "create"), {}), "99th pct")
    startup = number(a.startup)

    def verdict(ok):
        return "met" if ok else "MISSED"

    w("### The issue's aims")
    w("")
    w("| aim | measured | |")
    w("| --- | --- | --- |")
    w(f"| get p99 < 20 ms (latency phase) | {fmt(get_p99)} ms | {verdict(get_p99 < 20)} |")
    w(f"| create p99 < 40 ms (latency phase) | {fmt(create_p99)} ms | {verdict(create_p99 < 40)} |")
    w(f"| get-by-id ≤ 3× the liveness floor's cost (saturation) | {fmt(ratios.get('get'), 1)}× | "
      f"{verdict(ratios.get('get', math.inf) <= 3)} |")
    w(f"| no errors (all phases) | {fmt(errors)} | {verdict(errors == 0)} |")
    w(f"| startup to healthy < 8 s | {a.startup} s | {verdict(startup < 8)} |")
    w(f"| RSS after the run < 768 MB | {a.rss_kb / 1024:.0f} MB | {verdict(a.rss_kb / 1024 < 768)} |")
    w("")
    if not stats:
        w(f"**No Gatling report was found** (Gatling exit code {a.gatling_rc}); see gatling.log.")
        w("")

    timings, extra = read_prometheus(a.prometheus)
    if timings:
        w("### Server side, whole run including seeding (Micrometer `http_server_requests`)")
        w("")
        w("| method | uri | count | mean ms | max ms (last minutes) |")
        w("| --- | --- | ---: | ---: | ---: |")
        for (method, uri), t in sorted(timings.items(), key=lambda kv: -kv[1]["count"]):
            if t["count"] < 10:
                continue
            uri_short = re.sub(r"\{transition:[^}]*\}", "{transition}", uri or "")
            w(f"| {method} | `{uri_short}` | {fmt(t['count'])} | {fmt(1000 * t['sum'] / t['count'], 2)} | "
              f"{fmt(1000 * t['max'], 1)} |")
        w("")
        if extra:
            acquire = (1000 * extra["acquire_sum"] / extra["acquire_count"]) if extra.get("acquire_count") else math.nan
            w(f"JVM: heap used {fmt(extra.get('heap_used', 0) / 2**20)} MB of max {fmt(extra.get('heap_max', 0) / 2**20)} MB; "
              f"{fmt(extra.get('gc_pauses', 0))} GC pauses, {fmt(extra.get('gc_pause_s', 0) * 1000)} ms in total; "
              f"{fmt(extra.get('threads', 0))} live threads; connection pool max {fmt(extra.get('pool_max', 0))}, "
              f"mean acquire {fmt(acquire, 3)} ms.")
            w("")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
