#!/usr/bin/env python3
"""Summarises one benchmark run of perf/run.sh as Markdown (CampaignApiSimulation or ApprovalApiSimulation).

Reads the statistics table of Gatling's HTML report (Gatling 3.14 writes no JSON statistics; the columns are found by
their titles, and the percentiles are pinned in src/test/resources/gatling.conf), the Prometheus scrape taken after the
run, and the figures run.sh measured itself (startup, RSS, data volume). For the approvals simulation also the cascade
timings the simulation wrote (cascade.json) and the database's view of the same cascades (db-cascade.csv).
"""
import argparse
import csv
import html.parser
import json
import math
import os
import re
import sys

REQUEST_ORDER = ["liveness", "get", "get-key", "list", "create", "update", "transition"]
APPROVAL_ORDER = ["liveness", "approve", "reject", "request-review", "check-publish", "approvals"]
# saturation groups of the approvals simulation: (group, request)
APPROVAL_SAT = [("sat-liveness", "liveness"), ("sat-liveness-end", "liveness"), ("sat-approve", "approve"),
                ("sat-reject", "reject"), ("sat-reject", "request-review"), ("sat-check-publish", "check-publish"),
                ("sat-approvals", "approvals")]


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
    p.add_argument("--simulation", default="CampaignApiSimulation")
    for name in ["approvals", "votes", "history", "cascade-report", "db-cascade"]:
        p.add_argument("--" + name, default="")
    for name in ["cascade-idle", "cascade-load", "poll-ms"]:
        p.add_argument("--" + name, type=int, default=0)
    p.add_argument("--cascade-rate", type=float, default=0)
    a = p.parse_args()

    stats = read_report(a.report)
    out = []
    w = out.append
    if a.simulation == "ApprovalApiSimulation":
        approval_summary(a, stats, w)
        server_side(a, w)
        print("\n".join(out))
        return 0
    w(f"## Flightdeck campaign API benchmark, run {a.run_id}")
    w("")
    w(f"- command: `perf/run.sh` (jar {a.jar}, app JVM options: {a.java_opts}); PostgreSQL 15 on localhost, fresh database")
    w(f"- data: {a.seed_line}; after the run: {a.campaigns} campaigns ({a.statuses}), {a.activity} activity rows, "
      f"{a.audit} audit rows, {a.events} event publications, database {a.db_size}")
    w(f"- warm-up {a.warmup_seconds} s and latency phase {a.latency_seconds} s, open model at {a.rate:g} arrivals/s "
      f"(Poisson arrivals; mix liveness,get,list,journey,get-key = {a.mix} %; a journey is create, update and 5 transitions; "
      f"get-key is the get with a personal API key instead of the JWT); "
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
    if "get-key" in ratios:
        w(f"| get-by-id with an API key ≤ 3× the floor's cost | {fmt(ratios.get('get-key'), 1)}× | "
          f"{verdict(ratios.get('get-key', math.inf) <= 3)} |")
        w(f"| API key within 10 % of the JWT (saturation) | {fmt(100 * (ratios['get-key'] / ratios['get'] - 1), 0)} % | "
          f"{verdict(ratios['get-key'] <= 1.1 * ratios['get'])} |")
    w(f"| list ≤ 5× the floor's cost (saturation) | {fmt(ratios.get('list'), 1)}× | "
      f"{verdict(ratios.get('list', math.inf) <= 5)} |")
    for req in ("get", "get-key"):
        p99 = col(stats.get((f"sat-{req}", req), {}), "99th pct")
        if not math.isnan(p99):
            w(f"| {req} p99 < 10 ms at saturation ({a.concurrency} connections) | {fmt(p99)} ms | {verdict(p99 < 10)} |")
    w(f"| no errors (all phases) | {fmt(errors)} | {verdict(errors == 0)} |")
    w(f"| startup to healthy < 8 s | {a.startup} s | {verdict(startup < 8)} |")
    w(f"| RSS after the run < 768 MB | {a.rss_kb / 1024:.0f} MB | {verdict(a.rss_kb / 1024 < 768)} |")
    w("")
    if not stats:
        w(f"**No Gatling report was found** (Gatling exit code {a.gatling_rc}); see gatling.log.")
        w("")
    server_side(a, w)
    print("\n".join(out))
    return 0


def server_side(a, w):
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


def percentile(values, p):
    """Nearest-rank percentile, as the simulation prints it."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[max(0, min(len(ordered) - 1, rank - 1))]


def spread(values):
    return {"n": len(values), "p50": percentile(values, 50), "p95": percentile(values, 95),
            "p99": percentile(values, 99), "max": max(values) if values else math.nan,
            "mean": sum(values) / len(values) if values else math.nan}


def read_cascades(a):
    """The simulation's cascade figures and the database's, per group (cascade-idle, cascade-load)."""
    report = {}
    if a.cascade_report and os.path.exists(a.cascade_report):
        with open(a.cascade_report, encoding="utf-8") as f:
            report = json.load(f)
    db = {}
    if a.db_cascade and os.path.exists(a.db_cascade):
        with open(a.db_cascade, encoding="utf-8") as f:
            for row in csv.reader(f):
                if len(row) >= 4:
                    db[row[0]] = (int(row[1]), number(row[2]), number(row[3]) if row[3] else math.nan)
    return report, db


def approval_summary(a, stats, w):
    w(f"## Flightdeck approvals benchmark, run {a.run_id}")
    w("")
    w(f"- command: `SIMULATION=ApprovalApiSimulation perf/run.sh` (jar {a.jar}, app JVM options: {a.java_opts}); "
      f"PostgreSQL 15 on localhost, fresh database")
    w(f"- data: {a.seed_line}; after the run: {a.campaigns} campaigns, approvals by state: {a.approvals}; "
      f"{a.votes} votes, {a.history} history rows, {a.events} event publications, database {a.db_size}")
    w(f"- warm-up {a.warmup_seconds} s and latency phase {a.latency_seconds} s, open model at {a.rate:g} arrivals/s "
      f"(Poisson arrivals; mix liveness,approve,reject+request-review,check-publish,approvals = {a.mix} %), with "
      f"{a.cascade_load} strategy cascades spread over the latency phase; then {a.cascade_idle} cascades alone at "
      f"{a.cascade_rate:g}/s, polling every {a.poll_ms} ms; saturation: {a.concurrency} users in a closed loop on "
      f"{a.concurrency} shared keep-alive connections, {a.sat_seconds} s per request type, one type at a time")
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
    for req in APPROVAL_ORDER:
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
    w("| group | request | count | req/s | p50 ms | p99 ms | errors | cost vs liveness floor |")
    w("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    floors = [col(stats.get((g, "liveness"), {}), "Total") / a.sat_seconds
              for g in ("sat-liveness", "sat-liveness-end") if (g, "liveness") in stats and a.sat_seconds]
    floor = sum(floors) / len(floors) if floors else math.nan
    for group, req in APPROVAL_SAT:
        v = stats.get((group, req))
        if not v:
            continue
        rps = col(v, "Total") / a.sat_seconds
        ratio = floor / rps if rps else math.nan
        w(f"| {group} | {req} | {fmt(col(v, 'Total'))} | {fmt(rps)} | {fmt(col(v, '50th pct'))} | "
          f"{fmt(col(v, '99th pct'))} | {fmt(col(v, 'KO'))} | {fmt(ratio, 1)}× |")
    w("")
    w(f"The floor is the mean of the two liveness rows: {fmt(floor)} req/s. Cost = floor req/s ÷ the request's req/s. "
      f"In sat-reject each loop is a reject and a request-review, so each of the two runs at the loop rate.")
    w("")

    report, db = read_cascades(a)
    w("### Strategy cascade: POST a new strategy version → content, schedule, ads NEEDS_REVIEW and strategy PENDING (ms)")
    w("")
    w("| cascade | n | timed out | p50 | p95 | p99 | max | mean | POST alone p50 / p99 | polls p50 / max |")
    w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    cascade_p99 = {}
    for name in ("cascade-idle", "cascade-load"):
        r = report.get(name)
        if not r:
            continue
        e = spread(r.get("elapsedMs", []))
        post = spread(r.get("postMs", []))
        polls = spread(r.get("polls", []))
        cascade_p99[name] = e["p99"]
        w(f"| {name} (client, end to end) | {e['n']} | {r.get('timeouts', 0)} | {fmt(e['p50'], 1)} | {fmt(e['p95'], 1)} | "
          f"{fmt(e['p99'], 1)} | {fmt(e['max'], 1)} | {fmt(e['mean'], 1)} | {fmt(post['p50'], 1)} / {fmt(post['p99'], 1)} | "
          f"{fmt(polls['p50'])} / {fmt(polls['max'])} |")
    if db:
        by_group = {}
        for name in ("cascade-idle", "cascade-load"):
            ids = set((report.get(name) or {}).get("campaigns", []))
            by_group[name] = [v for k, v in db.items() if k in ids] if ids else []
        if not any(by_group.values()):
            by_group = {"all cascades": list(db.values())}
        for name, rows in by_group.items():
            if not rows:
                continue
            saved = spread([r[1] for r in rows])
            hop = spread([r[2] for r in rows if not math.isnan(r[2])])
            w(f"| {name} (database: strategy save starts → the listener starts) | {saved['n']} | | "
              f"{fmt(saved['p50'], 1)} | {fmt(saved['p95'], 1)} | {fmt(saved['p99'], 1)} | {fmt(saved['max'], 1)} | "
              f"{fmt(saved['mean'], 1)} | | |")
            w(f"| {name} (database: event published → publication completed) | {hop['n']} | | {fmt(hop['p50'], 1)} | {fmt(hop['p95'], 1)} | "
              f"{fmt(hop['p99'], 1)} | {fmt(hop['max'], 1)} | {fmt(hop['mean'], 1)} | | |")
        moved = sorted({r[0] for r in db.values()})
        w("")
        w(f"Approvals moved per cascade (database): {', '.join(str(m) for m in moved)}.")
    w("")
    slots = report.get("slots")
    if slots:
        w(f"Queue of open scope approvals: {slots.get('left')} left at the end, ran dry {slots.get('ranDry')} times, "
          f"{slots.get('approved')} scopes approved through stage 3, {slots.get('dropped')} dropped after an error."
          + (" **The queue ran dry: approve and reject figures are too low; raise SEED.**" if slots.get('ranDry') else ""))
        w("")

    errors = sum(col(v, "KO") for v in stats.values() if not math.isnan(col(v, "KO")))

    def verdict(ok):
        return "met" if ok else "MISSED"

    w("### The issue's aims")
    w("")
    w("| aim | measured | |")
    w("| --- | --- | --- |")
    for req in ("approve", "reject", "request-review", "check-publish"):
        p99 = col(stats.get(("latency", req), {}), "99th pct")
        w(f"| {req} p99 < 15 ms (latency phase) | {fmt(p99)} ms | {verdict(p99 < 15)} |")
    for name in ("cascade-idle", "cascade-load"):
        if name in cascade_p99:
            p99 = cascade_p99[name]
            w(f"| {name}: cascade p99 < 100 ms end to end | {fmt(p99, 1)} ms | {verdict(p99 < 100)} |")
    w(f"| no errors (all phases) | {fmt(errors)} | {verdict(errors == 0)} |")
    w("")
    if not stats:
        w(f"**No Gatling report was found** (Gatling exit code {a.gatling_rc}); see gatling.log.")
        w("")


if __name__ == "__main__":
    sys.exit(main())
