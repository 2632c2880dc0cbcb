#!/usr/bin/env python3
"""Turns bench/run.sh's results into docs/benchmarks.md: the machine, the command, one row per scenario, and each
figure set against the targets of issue 7."""
import argparse
import json
import os
import platform
import subprocess


def sh(*command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def cpu_model():
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


def memory_gib():
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal"):
                return int(line.split()[1]) / 1024 / 1024
    return 0


SCENARIOS = {
    "letter-page": "Letter page (`GET /letters/{slug}`, output cache)",
    "count": "Count (`GET /api/letters/{slug}/count`, output cache)",
    "letter-api": "Letter in the API (`GET /api/letters/{slug}`, output cache)",
    "list-first": "Public list, first page",
    "list-deep": "Public list, a cursor 90 % down",
    "list-search": "Public list, search",
    "list-country": "Public list, country filter",
    "list-first-uncached": "Public list, first page, past the output cache",
    "list-deep-uncached": "Public list, a cursor 90 % down, past the output cache",
    "list-search-uncached": "Public list, search, past the output cache",
    "list-country-uncached": "Public list, country filter, past the output cache",
    "signatories-page": "Signatories page (`GET /letters/{slug}/signatories`), one list",
    "letter-page-sections": "Letter page in sections (the first 5 of each, the map, the chart), output cache",
    "signatories-sections": "Signatories page in sections, first page",
    "signatories-one-section": "Signatories page, one section (`?section=3`)",
    "sign-api": "Sign through the API (`POST`, 202)",
    "sign-form": "Sign through the form (`POST`, 302)",
    "confirm": "Confirm (`POST /confirm/{token}`, 302)",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("plans")
    for name in ["started", "signatures", "unconfirmed", "duration", "sign-duration", "connections", "threads", "seed-seconds",
                 "pgbench-tps", "pgbench-latency", "rows", "load", "load-after", "journey-signers"]:
        parser.add_argument("--" + name, required=True)
    a = parser.parse_args()

    results = {}
    with open(a.results) as lines:
        for line in lines:
            name, path, data = line.rstrip("\n").split("\t")
            results[name] = (path, json.loads(data))

    def get(name, key, default=0.0):
        return results.get(name, ("", {}))[1].get(key, default)

    def errors(name):
        r = results.get(name, ("", {}))[1]
        return r.get("socket_errors", 0) + r.get("http_errors", 0) + r.get("unexpected", 0)

    pg_tps = float(a.pgbench_tps)
    sign_rps = get("sign-api", "rps")
    ratio = sign_rps / pg_tps if pg_tps else 0

    out = []
    w = out.append
    w("# Benchmarks")
    w("")
    w(f"Written by `bench/run.sh` on {a.started}. Run it again with:")
    w("")
    w("```sh")
    w(f"BENCH_SIGNATURES={a.signatures} BENCH_DURATION={a.duration} BENCH_SIGN_DURATION={a.sign_duration} bench/run.sh")
    w("```")
    w("")
    w("## Machine")
    w("")
    w(f"- CPU: {cpu_model()}, {os.cpu_count()} cores (`nproc`: {sh('nproc')})")
    w(f"- Memory: {memory_gib():.1f} GiB")
    w(f"- OS: {platform.platform()}")
    w(f"- .NET SDK {sh('dotnet', '--version')}; {sh('psql', '--version')}; {sh('wrk', '-v').splitlines()[0] if sh('wrk', '-v') else 'wrk'}")
    w("- The app, PostgreSQL and wrk share the machine, and so do other engineers' builds and tests. Treat the")
    w("  absolute figures as noisy; ratios measured within one run are more telling than any single number.")
    w(f"  Load average (1, 5, 15 min) before the scenarios: {a.load}; after them: {a.load_after}. With 2 cores,")
    w("  anything well above 2 before the scenarios means other work was competing for the CPU.")
    w("")
    w("## Setup")
    w("")
    w(f"- PostgreSQL database seeded with COPY: {int(a.signatures):,} published signatures of one letter, ~100")
    w(f"  countries, 90 % listed publicly, plus {int(a.unconfirmed):,} unconfirmed ones with known tokens for the confirm")
    w(f"  scenario. Seeding, trigram index and `VACUUM ANALYZE` took {a.seed_seconds} s. Rows at the end: {int(a.rows):,}.")
    w("- The app is published in Release and run with `RateLimiting__Enabled=false` and warning-level logs. The outbox")
    w("  dispatcher runs as in production and sends every email with MailKit over SMTP to `bench/SmtpSink` on")
    w("  loopback, which takes each message and keeps none, as a relay would; it shares the 2 cores too.")
    w(f"- wrk: {a.threads} threads, {a.connections} connections, {a.duration} s per scenario ({a.sign_duration} s for signing")
    w("  through the API, whose target is a rate sustained for a minute), no cookies. POST scenarios")
    w("  use Lua scripts (`bench/lua/`) that give every request a new email address or token, and count any")
    w("  status other than the expected one as an error.")
    w("- The minimum time to fill the sign form is off (`Signing__MinimumFillTime=00:00:00`): wrk posts at once, and")
    w("  the form would otherwise take every post for a robot's, answer it without storing anything, and flatter the figure.")
    w("- The sign form has no antiforgery token (see `docs/decisions/008-output-cache.md`): the script posts it")
    w("  with the `Origin` and `Sec-Fetch-Site: same-origin` headers a browser sends. The confirm form keeps its token:")
    w("  the script fetches one cookie and token pair from a confirm page, and every request replays that pair.")
    w(f"- pgbench: `bench/pgbench-insert.sql`, a single-row INSERT into `Signatures` with all its indexes,")
    w(f"  16 clients, {a.duration} s, run in the same session after the app stopped.")
    w("")
    w("## Results")
    w("")
    w("| scenario | req/s | p50 ms | p90 ms | p99 ms | errors |")
    w("|---|---:|---:|---:|---:|---:|")
    for name, title in SCENARIOS.items():
        if name not in results:
            continue
        w(f"| {title} | {get(name, 'rps'):,.0f} | {get(name, 'p50_ms'):.1f} | {get(name, 'p90_ms'):.1f} | "
          f"{get(name, 'p99_ms'):.1f} | {errors(name)} |")
    w(f"| pgbench: single-row INSERT | {pg_tps:,.0f} tps | | | | avg {float(a.pgbench_latency):.1f} ms |")
    w("")
    w("The public list is output-cached for 2 s, varying by its whole query string. The rows \"past the output cache\"")
    w("add a query key of their own to every request (`bench/lua/get-uncached.lua`), so each one runs its queries.")
    w("")
    w("The public list past the output cache, on one connection (wrk `-t1 -c1`), so each request runs alone:")
    w("")
    w("| scenario | req/s | p50 ms | p90 ms | p99 ms | errors |")
    w("|---|---:|---:|---:|---:|---:|")
    for name in ["list-first", "list-deep", "list-search", "list-country"]:
        single = "single-" + name
        if single in results:
            w(f"| {SCENARIOS[name]} | {get(single, 'rps'):,.0f} | {get(single, 'p50_ms'):.1f} | "
              f"{get(single, 'p90_ms'):.1f} | {get(single, 'p99_ms'):.1f} | {errors(single)} |")
    w("")
    w(f"**Sign rate through the API / PostgreSQL's raw insert rate: {sign_rps:,.0f} / {pg_tps:,.0f} = {ratio:.0%}.**")
    w("")
    if "outbox" in results:
        o = results["outbox"][1]
        queued, backlog, drain = o["queued"], o["backlog"], float(o["drain_seconds"])
        during = queued - backlog
        w(f"**Confirmation emails.** Signing through the API for {o['sign_seconds']} s queued {queued:,} emails. The outbox")
        w(f"sent {during:,} of them during the run ({during / float(o['sign_seconds']):,.0f}/s, sharing the CPU with signing), and")
        left = "" if o["left"] == 0 else f", leaving {o['left']:,} unsent after five minutes"
        w(f"{backlog:,} were waiting when it stopped; it sent those in {drain:.1f} s with nothing else running"
          f" ({backlog / drain if drain else 0:,.0f}/s){left}.")
        w("")
    if "journey" in results:
        j = results["journey"][1]
        confirm_rps = get("confirm", "rps")
        w("## The whole journey (issue 15)")
        w("")
        w(f"Each of {a.journey_signers} virtual signers (one wrk thread and connection each, `bench/lua/journey.lua`) walks the")
        w("letter page, signs through the API, waits for their own email (the sink hands each journey's confirmation link")
        w("to its signer through a file, which the signer looks for every `BENCH_POLL_MS`, asking the server nothing, as a")
        w("person looks in their mailbox), opens the confirm page, confirms, and reads the list they are sent to, again and")
        w("again for the run; the outbox, PostgreSQL, the sink and wrk share the 2 cores.")
        w("")
        w("| step | p50 ms | p99 ms |")
        w("|---|---:|---:|")
        for step, label in [("letter", "letter page"), ("sign", "sign (API)"), ("email", "email: sign answered → link in the sink"),
                            ("confirm_page", "confirm page"), ("confirm", "confirm (POST)"), ("list", "the list landed on"),
                            ("journey", "the whole journey")]:
            w(f"| {label} | {j.get(step + '_p50_ms', 0):.1f} | {j.get(step + '_p99_ms', 0):.1f} |")
        w("")
        errs = j.get("socket_errors", 0) + j.get("http_errors", 0) + j.get("unexpected", 0)
        w(f"**{j['journeys']:,} journeys in {j['seconds']:.0f} s: {j['journeys_per_s']:,.0f} complete journeys a second** "
          f"({j['rps']:,.0f} requests/s; {errs} errors). Beside it in this run:"
          f" sign {sign_rps:,.0f}/s, confirm alone {confirm_rps:,.0f}/s"
          f" ({confirm_rps / sign_rps if sign_rps else 0:.0%} of sign), pgbench {pg_tps:,.0f} tps.")
        w("")
        if "journey-cpu" in results and j["journeys"]:
            c = results["journey-cpu"][1]
            ms = {k: 1000 * c[k] / c["hz"] / j["journeys"] for k in ["app", "postgres", "sink", "machine"]}
            rest = max(ms["machine"] - ms["app"] - ms["postgres"] - ms["sink"], 0)
            w(f"**CPU per complete journey: {ms['machine']:.1f} ms** (the app {ms['app']:.1f}, PostgreSQL {ms['postgres']:.1f},"
              f" the SMTP sink {ms['sink']:.1f}, wrk and the rest {rest:.1f}; read from `/proc`). Two cores give"
              f" 2,000 ms a second: at this cost at most {2000 / ms['machine']:,.0f} journeys a second, however many signers"
              f" walk at once; the app's share alone caps it at {2000 / ms['app']:,.0f}.")
            w("")
        worst = max((j.get(s + "_p99_ms", 0), s) for s in ["letter", "sign", "confirm_page", "confirm", "list"])
        w("| target (issue 15) | measured | verdict |")
        w("|---|---|---|")
        w(f"| ≥ 1,500 complete journeys a second | {j['journeys_per_s']:,.0f}/s | {'met' if j['journeys_per_s'] >= 1500 else '**missed**'} |")
        if sign_rps and confirm_rps:
            w(f"| confirm ≥ 80 % of sign | {confirm_rps / sign_rps:.0%} | {'met' if confirm_rps >= 0.8 * sign_rps else '**missed**'} |")
        else:
            w("| confirm ≥ 80 % of sign | not run (the sign-api and confirm scenarios) | — |")
        w(f"| every step's p99 < 100 ms | worst: {worst[1]} {worst[0]:.1f} ms | {'met' if worst[0] < 100 else '**missed**'} |")
        w(f"| zero errors | {errs} | {'met' if errs == 0 else '**missed**'} |")
        w("")
    if "letter-page-sections" in results or "signatories-sections" in results:
        w("## Signatories in sections (issue 14)")
        w("")
        w("| page | one list, req/s | in sections, req/s | ratio |")
        w("|---|---:|---:|---:|")
        for plain, sectioned, label in [("letter-page", "letter-page-sections", "letter page"),
                                        ("signatories-page", "signatories-sections", "signatories page")]:
            p_rps, s_rps = get(plain, "rps"), get(sectioned, "rps")
            w(f"| {label} | {p_rps:,.0f} | {s_rps:,.0f} | {s_rps / p_rps if p_rps else 0:.0%} |")
        w("")
        w("Target: the pages in sections within 20 % of the same pages as one list, in the same run.")
        w("")
    w("## Against the targets of issue 7")
    w("")
    w("| target | measured | verdict |")
    w("|---|---|---|")

    def verdict(ok):
        return "met" if ok else "**missed**"

    sign_p99 = get("sign-api", "p99_ms")
    w(f"| sign: ≥ 3,000/s | {sign_rps:,.0f}/s ({sign_rps / 3000:.0%} of the target) | {verdict(sign_rps >= 3000)} |")
    w(f"| sign: p99 < 50 ms | {sign_p99:.1f} ms | {verdict(sign_p99 < 50)} |")
    w(f"| sign: 0 errors | {errors('sign-api')} | {verdict(errors('sign-api') == 0)} |")
    w(f"| sign: ≥ 35 % of the raw insert rate | {ratio:.0%} | {verdict(ratio >= 0.35)} |")
    sustained = int(a.sign_duration) >= 60
    w(f"| sign: sustained 60 s | {sign_rps:,.0f}/s for {a.sign_duration} s | "
      f"{verdict(sign_rps >= 3000) if sustained else 'not shown'} |")
    page = get("letter-page", "rps")
    count = get("count", "rps")
    w(f"| letter page ≥ 10,000/s | {page:,.0f}/s | {verdict(page >= 10000)} |")
    w(f"| count ≥ 20,000/s | {count:,.0f}/s | {verdict(count >= 20000)} |")
    def list_row(name, label, limit):
        cached, loaded, alone = get(name, "p99_ms"), get(name + "-uncached", "p99_ms"), get("single-" + name, "p99_ms")
        w(f"| {label}: p99 < {limit} ms | {cached:.1f} ms at {a.connections} connections; past the cache {loaded:.1f} ms "
          f"at {a.connections}, {alone:.1f} ms on one | {verdict(cached < limit)} at {a.connections}; past the cache "
          f"{verdict(loaded < limit)} at {a.connections}, {verdict(alone < limit)} on one |")

    for name in ["list-first", "list-deep", "list-country"]:
        list_row(name, SCENARIOS[name], 20)
    list_row("list-search", "search", 100)
    w("")
    w("What is missed, by how much, and why:")
    w("")
    if sign_rps < 3000:
        w(f"- Sign rate: {sign_rps:,.0f}/s, {3000 - sign_rps:,.0f}/s ({1 - sign_rps / 3000:.0%}) short of 3,000/s. The CPU is the")
        w("  limit, not PostgreSQL's inserts: the same 2 cores also send each signer's confirmation email as it is queued")
        w("  (the outbox figures above), and run PostgreSQL, wrk and the mail sink (see \"Why the sign path is where it is\").")
    if sign_p99 >= 50:
        w(f"- Sign p99: {sign_p99:.1f} ms, {sign_p99 - 50:.1f} ms over 50 ms (p50 {get('sign-api', 'p50_ms'):.1f} ms). The tail is time spent")
        w("  waiting for one of the 2 cores, shared by 50 connections, the outbox's senders, PostgreSQL, wrk and the sink.")
    if not sustained:
        w(f"- Sustained for 60 s: signing ran {a.sign_duration} s here (`BENCH_SIGN_DURATION`), so this is not shown.")
    w(f"- The public list past the output cache at {a.connections} connections: every request runs its queries, and")
    w("  50 of them at once on 2 cores queue for the CPU. A search costs about "
      f"{1000 / max(get('single-list-search', 'rps'), 0.1):.0f} ms of app and database time on its own")
    w(f"  ({get('single-list-search', 'rps'):,.0f} requests/s on one connection), so {a.connections} at once wait for each other; the same")
    w("  reads through the cache, which is what the readers of a popular letter get, meet the targets. On one connection")
    w("  the p99 is disturbed by the rest of the machine (load average above); compare the p50 and p90 with the target.")
    w("")
    w(f"The first table measures latency under the scenario's full load ({a.connections} connections on 2 cores), so its p99")
    w("includes queueing behind the other requests. The one-connection table shows what a request costs on its")
    w("own. Its p99 is still disturbed by whatever else runs on the machine (see the load average above).")
    w("")
    w("## What limits the reads")
    w("")
    w("- The letter page, the letter in the API and the count come from the output cache. The app renders them")
    w("  about once every 5 seconds, and at once after a confirmation. The letter page is the largest of them: about")
    w("  26 KB, of which the country list is 16 KB. Its rate is bound by copying those bytes, and by wrk parsing them on")
    w("  the same 2 cores. wrk asks for no compression. In production a reverse proxy would gzip the page.")
    w("- The public list is output-cached for 2 s by its whole query string (`docs/decisions/016-public-list-under-load.md`).")
    w("  The rows \"through the output cache\" are what readers of a popular page get: one query every 2 s, the rest")
    w("  copies of its answer, about 10 KB of JSON for 50 names, which wrk parses on the same 2 cores.")
    w("- Past the cache, each request runs one keyset query on `(LetterId, State, PublishedAt, Id)`, and a small one")
    w("  for the notable signatories on a first page. A deep cursor costs what the first page does. The unfiltered")
    w("  total comes from `SignatureCounter`. A search or country filter counts its matches up to 1,001 and no further")
    w("  (`total` is then 1,000 with `totalIsExact: false`): a common name among a million signatures used to visit")
    w("  all of its ~9,000 matches on every request, about 105 ms; see the plans below. That count also decides the")
    w("  search's page plan (`SearchPlan`): a term with more than 1,000 matches walks the list's index newest first and")
    w("  stops when the page is full; a rarer one goes through the trigram index. Left to itself, PostgreSQL's planner")
    w("  chose between these by its guess of the term's frequency, and flipped between runs (4 ms or 164 ms a page).")
    w("- At 50 connections on 2 cores shared with PostgreSQL, wrk and other engineers' builds, the p99 past the cache is")
    w("  mostly time spent waiting for a core: compare it with the one-connection table, where each request runs alone.")
    w("- `SignatureCounter` counts the letter's published signatures at most once every 2 s per instance. Concurrent")
    w("  readers share one query, and get the previous count while it runs.")
    w("")
    w("## Why the sign path is where it is")
    w("")
    w("Signatures that arrive together share one transaction: `SignatureBatcher` takes up to `Signing:MaxBatchSize`")
    w("(200) waiting signatures, and up to `Signing:ConcurrentBatches` (4) batches are written at once. On PostgreSQL")
    w("`PostgresSignatureInsert` writes the new signatures, their manage tokens and their confirmation emails with one")
    w("`unnest` statement (`ON CONFLICT DO NOTHING`); addresses that signed before take the EF Core path in the same")
    w("transaction. Each request is answered once its batch is committed (`docs/decisions/015-bulk-sign-writes.md`).")
    w("History, each figure from its own run on this shared machine: one EF insert per request, 303/s (13 % of")
    w("pgbench's rate); batches through EF Core's change tracker, 529/s, then 630/s (17 %); one statement per batch,")
    w("four batches in flight and the validator built once per letter, about 930/s (40 %) on 100,000 rows; and with")
    w("Release builds compiling each method optimised on its first call (`TieredCompilationQuickJit` off: the JIT had")
    w("taken a fifth of the CPU and left tier-0 code running through the whole scenario), about 2,700/s (80 %).")
    w("")
    w("Those runs hid a fault: the outbox committed once per email sent, so one sender managed about 200 emails a")
    w("second, and a minute of signing at 2,700/s left a backlog of a quarter of an hour of confirmation emails; its")
    w("claim also walked every sent email still kept (15 ms a batch after 5,000). Now sent mail is marked in one")
    w("statement per 50 ms of sending, four senders work at once on PostgreSQL, a claim is one statement through an")
    w("index of pending mail (`IX_Outbox_Pending`), and the email work is counted in the figures above: mail goes by")
    w("SMTP to `bench/SmtpSink` on loopback rather than a file per email into one folder, and PostgreSQL is reached")
    w("over loopback without TLS, by the app and by pgbench alike, as on a single machine (`BENCH_PG_SSL=Prefer` for")
    w("TLS, which cost the app about a tenth of its CPU here).")
    w("")
    w("Profiled with `perf` (99 Hz, 25 s of the sign scenario at 100,000 rows), the app takes about a core; of its")
    w("samples, Kestrel's request handling including the sign endpoint (JSON, validation, the block list) is about a")
    w("quarter, the batch writer (the email's text, two tokens, the one `unnest` statement) a sixth, sending mail")
    w("(MailKit, MimeKit, the claim and the marking) a quarter, and the runtime (GC and the rest of `libcoreclr`)")
    w("about a tenth. PostgreSQL takes about half a core, wrk and the mail sink the rest. At 3,000 signatures a")
    w("second that leaves about 0.67 ms of the machine's CPU per signature for the app, its email, PostgreSQL, wrk and")
    w("the sink together. The ratio to pgbench's rate, measured in the same run, is the figure to compare between")
    w("runs. The p99 includes queueing for a core at 50 connections; the p50 is what a signer usually waits.")
    w("")
    w("## Query plans")
    w("")
    w("The public list's search is a `LIKE '%term%'` on the lower-cased name and organisation, which the trigram GIN")
    w("index `IX_Signatures_SearchText` serves on PostgreSQL:")
    w("")
    w("```")
    with open(a.plans) as plans:
        w(plans.read().rstrip())
    w("```")
    print("\n".join(out))


if __name__ == "__main__":
    main()
