#!/usr/bin/env bash
# Where a confirmation's CPU goes: the app's and PostgreSQL's, per confirmation, with the connection settings the app
# adds (No Reset On Close, Max Auto Prepare) and without them, in alternating rounds on the same database. Run it on
# what a kept benchmark left behind:
#
#   BENCH_KEEP=1 BENCH_SIGNATURES=100000 BENCH_SCENARIOS=confirm bench/run.sh   # prints "kept database ... and /tmp/petition-bench.XXXXXX"
#   bench/confirm-split.sh /tmp/petition-bench.XXXXXX
#
# Settings (environment): BENCH_DATABASE (default petition_bench), BENCH_ROUNDS (pairs, default 3), BENCH_SECONDS
# (per round, default 8), BENCH_PORT (default 5099). Each round confirms tokens the earlier rounds did not use.
set -euo pipefail
WORK=${1:?the work folder a kept bench/run.sh left}
DB=${BENCH_DATABASE:-petition_bench} ROUNDS=${BENCH_ROUNDS:-3} SECONDS_EACH=${BENCH_SECONDS:-8}
BASE=http://127.0.0.1:${BENCH_PORT:-5099}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source bench/lib.sh
trap stop_app EXIT
dotnet "$WORK/sink/SmtpSink.dll" "$SMTP_PORT" "$WORK/mail-received" "$WORK/links" >/dev/null 2>&1 &
SINK_PID=$!
shuf "$WORK/confirm-tokens.txt" >"$WORK/split-tokens.txt"
per_round=$(( $(wc -l <"$WORK/split-tokens.txt") / (ROUNDS * 2) ))
round=0
run() { # label, extra connection settings
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$BASE Database__Provider=Postgres \
    ConnectionStrings__Petition="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$DB;SSL Mode=$PG_SSL$2" \
    RateLimiting__Enabled=false Logging__LogLevel__Default=Warning Site__PublicBaseUrl=$BASE \
    Email__Smtp__Host=127.0.0.1 Email__Smtp__Port="$SMTP_PORT" Email__Smtp__Security=None
  launch_app
  sed -n "$((round * per_round + 1)),$(((round + 1) * per_round))p" "$WORK/split-tokens.txt" >"$WORK/round-tokens.txt"
  round=$((round + 1))
  local page first
  for first in $(head -50 "$WORK/round-tokens.txt"); do
    page=$(curl -sf -c "$WORK/split-jar" "$BASE/confirm/$first" || true)
    grep -q __RequestVerificationToken <<<"$page" && break
  done
  export BENCH_FORM_TOKEN=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
  export BENCH_COOKIE=$(awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF >= 7 {printf "%s=%s", $6, $7}' "$WORK/split-jar")
  export BENCH_LUA=$ROOT/bench/lua BENCH_THREADS=2 BENCH_TOKENS=$WORK/round-tokens.txt BENCH_ORIGIN=$BASE BENCH_RUN=$$
  wrk -t2 -c50 -d3s -s bench/lua/confirm.lua "$BASE/confirm" >/dev/null # warm-up on this round's first tokens
  local a0 p0 result
  a0=$(ticks "$APP_PID"); p0=$(postgres_ticks)
  result=$(wrk -t2 -c50 -d"${SECONDS_EACH}s" -s bench/lua/confirm.lua "$BASE/confirm" | grep '^RESULT ' | sed 's/^RESULT //')
  local app=$(( $(ticks "$APP_PID") - a0 )) pg=$(( $(postgres_ticks) - p0 ))
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
  python3 - "$1" "$result" "$app" "$pg" <<'PY'
import json, sys
label, result, app, pg = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
n = max(result["requests"], 1)
print(f"{label:<34} {result['rps']:>7.1f}/s  p50 {result['p50_ms']:>6.1f} ms  app {10 * app / n:.2f} ms  PostgreSQL {10 * pg / n:.2f} ms CPU per confirmation")
PY
}
for _ in $(seq "$ROUNDS"); do
  run "as shipped" ""
  run "DISCARD ALL, no prepared statements" ";No Reset On Close=false;Max Auto Prepare=0"
done
