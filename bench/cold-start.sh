#!/usr/bin/env bash
# Cold start: the first seconds after a deploy, when a viral letter restarts the app. For the app as published
# (JIT) and published ReadyToRun, it starts the app on a seeded PostgreSQL database and measures the time to the
# first healthy answer, to the first letter page, and the sign rate through the API in the first 10 seconds, then
# again once warm. Writes its section of docs/benchmarks.md.
#
#   bench/cold-start.sh
#
# Settings (environment): BENCH_SIGNATURES (default 100000), BENCH_CONNECTIONS (default 50), BENCH_THREADS (2),
# BENCH_PORT (default 5097), BENCH_DATABASE (default petition_cold_bench, dropped and recreated), BENCH_OUTPUT
# (default docs/benchmarks.md), BENCH_ROUNDS (starts per variant, default 3; the table gives the median).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIGNATURES=${BENCH_SIGNATURES:-100000}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-2}
PORT=${BENCH_PORT:-5097}
DB=${BENCH_DATABASE:-petition_cold_bench}
OUTPUT=${BENCH_OUTPUT:-docs/benchmarks.md}
ROUNDS=${BENCH_ROUNDS:-3}
SLUG=upr-accountability
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/petition-cold-bench.XXXXXX)
RESULTS=$WORK/results.tsv
STARTED=$(date -u +"%Y-%m-%d %H:%M UTC")
source bench/lib.sh
trap cleanup EXIT
command -v wrk >/dev/null || { log "installing wrk"; apt_install wrk; }

start_postgres
start_app
LETTER=$(sql -tA -c "SELECT \"Id\" FROM \"Letters\" WHERE \"Slug\" = '$SLUG'")
log "seeding $SIGNATURES published signatures with COPY"
seed "$LETTER" "$SIGNATURES" 0 /dev/null
kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=
log "publishing the app ReadyToRun"
dotnet publish src/Petition.Web -c Release -o "$WORK/app-r2r" -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -nologo -v quiet >/dev/null
cp -r "$WORK/app/data" "$WORK/app-r2r/" 2>/dev/null || true # the key file the first start made

now_ms() { date +%s%3N; }
export BENCH_LUA=$ROOT/bench/lua BENCH_THREADS=$THREADS
sign_rate() { # seconds -> requests per second through the sign API
  BENCH_RUN=$1$RANDOM wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" -s bench/lua/sign-api.lua "$BASE/api/letters/$SLUG/signatures" 2>/dev/null \
    | grep '^RESULT ' | sed 's/^RESULT //' | python3 -c 'import json,sys; print(json.load(sys.stdin)["rps"])'
}

for round in $(seq "$ROUNDS"); do
  for variant in jit r2r; do
    folder=$WORK/app; [ "$variant" = r2r ] && folder=$WORK/app-r2r
    start=$(now_ms)
    (cd "$folder" && exec dotnet Petition.Web.dll) >"$WORK/app-$variant.log" 2>&1 &
    APP_PID=$!
    until curl -sf -o /dev/null "$BASE/healthz"; do sleep 0.02; done
    healthy=$(( $(now_ms) - start ))
    curl -sf -o /dev/null "$BASE/letters/$SLUG"
    page=$(( $(now_ms) - start ))
    first=$(sign_rate "cold$round$variant" 10)
    warm=$(sign_rate "warm$round$variant" 10)
    rss=$(awk '$1 == "VmRSS:" {print $2}' "/proc/$APP_PID/status")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$variant" "$healthy" "$page" "$first" "$warm" "$rss" >>"$RESULTS"
    log "$variant round $round: healthy after $healthy ms, first letter page after $page ms, sign $first/s in the first 10 s, $warm/s warm"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
  done
done

log "writing the cold-start section of $OUTPUT"
python3 - "$RESULTS" "$OUTPUT" "$STARTED" "$SIGNATURES" "$ROUNDS" <<'PY'
import os, statistics, sys
results, output, started, signatures, rounds = sys.argv[1:6]
rows = [line.rstrip("\n").split("\t") for line in open(results)]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
def median(variant, column):
    return statistics.median(float(r[column]) for r in rows if r[0] == variant)
lines = ["<!-- cold-start:start -->", "## Cold start", "",
         f"Measured {started} by `bench/cold-start.sh` on {os.cpu_count()} cores ({cpu}), with {int(signatures):,} published signatures "
         f"seeded in PostgreSQL; the median of {rounds} starts of each build. From the process start: the first `200` from `/healthz` "
         "(migrations checked, keys loaded), the first letter page; then signing through the API for 10 s at once (the first "
         "seconds a restarted app meets a viral letter), and for 10 s more once warm.", "",
         "| build | healthy after | first letter page after | sign, first 10 s | sign, warm | memory |", "|---|---:|---:|---:|---:|---:|"]
for variant, label in [("jit", "`dotnet publish` (JIT)"), ("r2r", "ReadyToRun")]:
    lines.append(f"| {label} | {median(variant, 1):,.0f} ms | {median(variant, 2):,.0f} ms | {median(variant, 3):,.0f}/s | "
                 f"{median(variant, 4):,.0f}/s | {median(variant, 5) / 1024:,.0f} MB |")
gain = 1 - median("r2r", 2) / median("jit", 2)
when = f"{gain:.0%} sooner" if gain >= 0 else f"{-gain:.0%} later"
lines += ["", f"With ReadyToRun the first letter page comes {when}, and signing runs at {median('r2r', 3) / median('jit', 3):.0%} of the "
          "JIT build's rate in the first 10 s.", "<!-- cold-start:end -->"]
section = "\n".join(lines)
text = open(output).read() if os.path.exists(output) else "# Benchmarks\n"
start, end = text.find("<!-- cold-start:start -->"), text.find("<!-- cold-start:end -->")
text = text[:start] + section + text[end + len("<!-- cold-start:end -->"):] if start >= 0 and end >= 0 else text.rstrip("\n") + "\n\n" + section + "\n"
open(output, "w").write(text)
print(section)
PY
log "done"
