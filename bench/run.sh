#!/usr/bin/env bash
# One command for the benchmarks: starts PostgreSQL if needed, creates a bench database, migrates it, seeds it
# with COPY, starts the app published in Release, runs the wrk scenarios and pgbench, and writes docs/benchmarks.md.
#
#   bench/run.sh
#
# Settings (environment): BENCH_SIGNATURES (published signatures to seed, default 1000000), BENCH_UNCONFIRMED
# (unconfirmed ones with known tokens, for the confirm scenario, default 100000), BENCH_DURATION (seconds per
# scenario, default 15; the one-connection reads take a third of it), BENCH_SIGN_DURATION (seconds of the sign-through-the-API
# scenario, default 60), BENCH_CONNECTIONS (default 50), BENCH_THREADS (wrk threads, default 2), BENCH_PORT
# (default 5099), BENCH_DATABASE (default petition_bench, dropped and recreated), BENCH_OUTPUT (default
# docs/benchmarks.md), BENCH_KEEP=1 to keep the database and the work folder afterwards, BENCH_SCENARIOS (a
# space-separated list of scenario names such as "sign-api list-search"; default all: while iterating on one path),
# BENCH_JOURNEY_SIGNERS (virtual signers walking the whole journey at once, default 64), BENCH_JOURNEY_DURATION
# (seconds, default 60), BENCH_POLL_MS (how often a waiting signer looks for their email, default 20),
# BENCH_EMAIL_TIMEOUT_MS (how long they wait for it before starting again, default 30000).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIGNATURES=${BENCH_SIGNATURES:-1000000}
UNCONFIRMED=${BENCH_UNCONFIRMED:-100000}
DURATION=${BENCH_DURATION:-15}
# The sign target is a rate sustained for a minute, so the sign-through-the-API scenario runs longer than the rest.
SIGN_DURATION=${BENCH_SIGN_DURATION:-60}
SINGLE_DURATION=$(( DURATION / 3 > 0 ? DURATION / 3 : 1 ))
# The journey: how many signers walk it at once, and for how long (a minute, as the sign target is a sustained rate).
JOURNEY_SIGNERS=${BENCH_JOURNEY_SIGNERS:-64}
JOURNEY_DURATION=${BENCH_JOURNEY_DURATION:-60}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-2}
PORT=${BENCH_PORT:-5099}
DB=${BENCH_DATABASE:-petition_bench}
OUTPUT=${BENCH_OUTPUT:-docs/benchmarks.md}
SCENARIOS=${BENCH_SCENARIOS:-}
SLUG=upr-accountability
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/petition-bench.XXXXXX)
RESULTS=$WORK/results.tsv
STARTED=$(date -u +"%Y-%m-%d %H:%M UTC")
source bench/lib.sh

cleanup() {
  stop_app
  if [ "${BENCH_KEEP:-}" != 1 ]; then
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
  else
    echo "kept database $DB and $WORK"
  fi
}
trap cleanup EXIT

command -v wrk >/dev/null || { log "installing wrk"; apt_install wrk; }

start_postgres
PGBENCH=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1)
[ -x "$PGBENCH" ] || { echo "pgbench is missing (it comes with the postgresql package)"; exit 1; }
start_app
LETTER=$(sql -tA -c "SELECT \"Id\" FROM \"Letters\" WHERE \"Slug\" = '$SLUG'")

log "seeding $SIGNATURES published and $UNCONFIRMED unconfirmed signatures with COPY"
seed_start=$(date +%s)
# The trigram index is built once after the load rather than updated row by row during it.
sql -c 'DROP INDEX "IX_Signatures_SearchText"'
seed "$LETTER" "$SIGNATURES" "$UNCONFIRMED" "$WORK/tokens.txt"
sql -c "SET maintenance_work_mem = '256MB'" -c 'CREATE INDEX "IX_Signatures_SearchText" ON "Signatures" USING gin ("SearchText" gin_trgm_ops)'
sql -c 'VACUUM ANALYZE "Signatures"'
SEED_SECONDS=$(( $(date +%s) - seed_start ))

# A cursor 90 % of the way down the public list, computed as the app encodes it: "<UTC ticks>.<id>", base64url.
DEEP=$(sql -tA -c "SELECT ((extract(epoch FROM \"PublishedAt\") * 1000000)::bigint * 10 + 621355968000000000)::text || '.' || \"Id\"
  FROM \"Signatures\" WHERE \"LetterId\" = $LETTER AND \"State\" = 'Published' AND \"ListPublicly\"
  ORDER BY \"PublishedAt\" DESC, \"Id\" DESC OFFSET (SELECT count(*) * 9 / 10 FROM \"Signatures\" WHERE \"LetterId\" = $LETTER AND \"State\" = 'Published' AND \"ListPublicly\") LIMIT 1")
CURSOR=$(printf '%s' "$DEEP" | base64 -w0 | tr '+/' '-_' | tr -d '=')
SEARCH=kowalski
COUNTRY=FR

# The confirm form keeps its antiforgery token: fetch one cookie and token pair and replay it.
FIRST_TOKEN=$(head -1 "$WORK/tokens.txt")
# The last 5,000 warm the confirm path up; the confirm scenario takes the rest.
tail -n +2 "$WORK/tokens.txt" | head -n -5000 >"$WORK/confirm-tokens.txt"
tail -n 5000 "$WORK/tokens.txt" >"$WORK/warm-tokens.txt"
page=$(curl -sf -c "$WORK/jar" "$BASE/confirm/$FIRST_TOKEN")
export BENCH_FORM_TOKEN=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
export BENCH_COOKIE=$(awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF >= 7 {printf "%s=%s", $6, $7}' "$WORK/jar")
[ -n "$BENCH_FORM_TOKEN" ] && [ -n "$BENCH_COOKIE" ] || { echo "could not read an antiforgery token from the confirm page"; exit 1; }

export BENCH_LUA=$ROOT/bench/lua BENCH_THREADS=$THREADS BENCH_TOKENS=$WORK/confirm-tokens.txt BENCH_ORIGIN=$BASE BENCH_RUN=$$

scenario() { # name, lua script, path [threads connections seconds]
  local name=$1 script=$2 path=$3 threads=${4:-$THREADS} connections=${5:-$CONNECTIONS} seconds=${6:-$DURATION}
  if [ -n "$SCENARIOS" ] && [[ " $SCENARIOS " != *" $name "* ]]; then return; fi
  log "wrk: $name ($path, $connections connections)"
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "bench/lua/$script" "$BASE$path" >"$WORK/wrk-$name.txt" 2>&1 || true
  local result
  result=$(grep '^RESULT ' "$WORK/wrk-$name.txt" | sed 's/^RESULT //')
  [ -n "$result" ] || { echo "wrk printed no result for $name:"; cat "$WORK/wrk-$name.txt"; result='{}'; }
  printf '%s\t%s\t%s\n' "$name" "$path" "$result" >>"$RESULTS"
  echo "   $result"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "warming up"
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s bench/lua/get.lua "$BASE/api/letters/$SLUG/signatures" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s bench/lua/get.lua "$BASE/letters/$SLUG" >/dev/null
# The sign path too, with addresses of its own: its code must be compiled and tiered up like the reads' before it is timed.
BENCH_RUN=warm$$ wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s bench/lua/sign-api.lua "$BASE/api/letters/$SLUG/signatures" >/dev/null
# And the confirm press, with tokens of its own: the first presses of a run compiled its batch path, and half a
# second of them at 1,400/s set the scenario's p99.
BENCH_TOKENS=$WORK/warm-tokens.txt wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s bench/lua/confirm.lua "$BASE/confirm" >/dev/null

scenario letter-page get.lua "/letters/$SLUG"
scenario count get.lua "/api/letters/$SLUG/count"
scenario letter-api get.lua "/api/letters/$SLUG"
scenario list-first get.lua "/api/letters/$SLUG/signatures"
scenario list-deep get.lua "/api/letters/$SLUG/signatures?after=$CURSOR"
scenario list-search get.lua "/api/letters/$SLUG/signatures?q=$SEARCH"
scenario list-country get.lua "/api/letters/$SLUG/signatures?country=$COUNTRY"
# The list is output-cached for a couple of seconds: the same reads again with a query key of their own on every
# request, so each one runs its queries (a page nobody else asked for just now).
for read in "list-first:" "list-deep:?after=$CURSOR" "list-search:?q=$SEARCH" "list-country:?country=$COUNTRY"; do
  scenario "${read%%:*}-uncached" get-uncached.lua "/api/letters/$SLUG/signatures${read#*:}"
done
# The uncached reads on one connection: what a request costs when it does not queue behind the others.
for read in "list-first:" "list-deep:?after=$CURSOR" "list-search:?q=$SEARCH" "list-country:?country=$COUNTRY"; do
  scenario "single-${read%%:*}" get-uncached.lua "/api/letters/$SLUG/signatures${read#*:}" 1 1 "$SINGLE_DURATION"
done
# The signatories page (not output-cached: each request runs its queries), then the letter in sections: the organiser
# publishes the category, which every seeded row carries in the clear, and the letter page and the signatories page
# are measured again with the sections (the letter page's map and chart are in both).
scenario signatories-page get.lua "/letters/$SLUG/signatories"
sql -c "UPDATE \"Letters\" SET \"Fields\" = jsonb_set(\"Fields\"::jsonb, '{category,public}', 'true')::text WHERE \"Id\" = $LETTER" >/dev/null
sleep 6 # the cached letter page and letter (OutputCache:MaxAge, LetterCache) show the change within this
scenario letter-page-sections get.lua "/letters/$SLUG"
scenario signatories-sections get.lua "/letters/$SLUG/signatories"
scenario signatories-one-section get.lua "/letters/$SLUG/signatories?section=3"
sql -c "UPDATE \"Letters\" SET \"Fields\" = jsonb_set(\"Fields\"::jsonb, '{category,public}', 'false')::text WHERE \"Id\" = $LETTER" >/dev/null
outbox_pending() { sql -tA -c 'SELECT count(*) FROM "Outbox" WHERE "SentAt" IS NULL AND "FailedAt" IS NULL'; }
# Waits (at most five minutes) until the outbox has sent what is queued.
drain_outbox() { local start=$SECONDS; while [ "$(outbox_pending)" != 0 ] && (( SECONDS - start < 300 )); do sleep 0.5; done; }
queued_before=$(sql -tA -c 'SELECT count(*) FROM "Outbox"')
scenario sign-api sign-api.lua "/api/letters/$SLUG/signatures" "$THREADS" "$CONNECTIONS" "$SIGN_DURATION"
if grep -q '^sign-api' "$RESULTS" 2>/dev/null; then
  # The confirmation emails that signing queued: how many still waited when it stopped, and how long the outbox
  # took to send them with nothing else running (at most five minutes).
  queued=$(( $(sql -tA -c 'SELECT count(*) FROM "Outbox"') - queued_before ))
  backlog=$(outbox_pending); drain_start=$(date +%s.%N)
  log "outbox: $queued emails queued while signing, $backlog still waiting"
  drain_outbox
  left=$(outbox_pending); drain=$(awk -v a="$drain_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  echo "   sent the rest in $drain s, $left left"
  printf 'outbox\t-\t{"queued":%s,"backlog":%s,"drain_seconds":%s,"left":%s,"sign_seconds":%s}\n' \
    "$queued" "$backlog" "$drain" "$left" "$SIGN_DURATION" >>"$RESULTS"
fi
scenario sign-form sign-form.lua "/letters/$SLUG"
# The form's emails are sent before confirm is timed: sign's figures carry the sending of their own emails, and
# confirm's would otherwise carry the form's (about 1,000 a second of MailKit and the sink beside every press).
drain_outbox
scenario confirm confirm.lua "/confirm"
# The whole journey, with the outbox drained above: one virtual signer per wrk thread and connection, each walking
# the letter page, sign, their email (the sink hands over the link), the confirm page, confirm, and the list.
export BENCH_SLUG=$SLUG BENCH_LINKS=$WORK/links BENCH_POLL_MS=${BENCH_POLL_MS:-20}
# Where a journey's CPU goes: the app's, PostgreSQL's and the sink's, and the rest of the machine's (wrk, the kernel).
cpu0=("$(ticks "$APP_PID")" "$(postgres_ticks)" "$(ticks "$SINK_PID")" "$(machine_ticks)")
scenario journey journey.lua "/letters/$SLUG" "$JOURNEY_SIGNERS" "$JOURNEY_SIGNERS" "$JOURNEY_DURATION"
if grep -q '^journey' "$RESULTS" 2>/dev/null; then
  printf 'journey-cpu\t-\t{"hz":%s,"app":%s,"postgres":%s,"sink":%s,"machine":%s}\n' "$(getconf CLK_TCK)" \
    $(( $(ticks "$APP_PID") - cpu0[0] )) $(( $(postgres_ticks) - cpu0[1] )) $(( $(ticks "$SINK_PID") - cpu0[2] )) \
    $(( $(machine_ticks) - cpu0[3] )) >>"$RESULTS"
fi

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
log "stopping the app"
stop_app

log "pgbench: single-row INSERT into Signatures"
"$PGBENCH" -n -f bench/pgbench-insert.sql -D letter="$LETTER" -c 16 -j 2 -T "$DURATION" "$DB" >"$WORK/pgbench.txt" 2>&1
PGBENCH_TPS=$(grep -oP 'tps = \K[0-9.]+' "$WORK/pgbench.txt" | head -1)
PGBENCH_LATENCY=$(grep -oP 'latency average = \K[0-9.]+' "$WORK/pgbench.txt" | head -1)
echo "   tps $PGBENCH_TPS, average latency $PGBENCH_LATENCY ms"

log "query plans"
{
  echo "-- search: q=$SEARCH, a common name (more than 1,000 matches), so the page walks the list in order (SearchPlan.InListOrderAsync)"
  sql -c "BEGIN" -c "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off" -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT \"Id\", \"Name\" FROM \"Signatures\" WHERE \"LetterId\" = $LETTER AND \"State\" = 'Published' AND \"ListPublicly\" AND \"SearchText\" LIKE '%$SEARCH%' ESCAPE '\\' ORDER BY \"PublishedAt\" DESC, \"Id\" DESC LIMIT 51" -c "COMMIT"
  echo "-- the same page through the trigram index, as for a rarer name: every match is fetched and sorted (SearchPlan.ThroughTrigramIndexAsync)"
  sql -c "BEGIN" -c "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off" -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT \"Id\", \"Name\" FROM \"Signatures\" WHERE \"LetterId\" = $LETTER AND \"State\" = 'Published' AND \"ListPublicly\" AND \"SearchText\" LIKE '%$SEARCH%' ESCAPE '\\' ORDER BY \"PublishedAt\" DESC, \"Id\" DESC LIMIT 51" -c "COMMIT"
  echo "-- its total, counted up to 1,001 matches (SignatoryQuery.MaxCountedMatches + 1), through the trigram index"
  sql -c "BEGIN" -c "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off" -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM \"Signatures\" WHERE \"LetterId\" = $LETTER AND \"State\" = 'Published' AND \"ListPublicly\" AND \"SearchText\" LIKE '%$SEARCH%' ESCAPE '\\' LIMIT 1001) m" -c "COMMIT"
  echo "-- the public count (SignatureCounter), run at most once per letter every 2 s per instance"
  sql -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT \"ListPublicly\", count(*) FROM \"Signatures\" WHERE \"LetterId\" = $LETTER AND \"State\" = 'Published' GROUP BY \"ListPublicly\""
  echo "-- country filter: country=$COUNTRY"
  sql -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM (SELECT 1 FROM \"Signatures\" WHERE \"LetterId\" = $LETTER AND \"State\" = 'Published' AND \"ListPublicly\" AND \"Country\" = '$COUNTRY' LIMIT 1001) m"
} >"$WORK/plans.txt" 2>&1

log "writing $OUTPUT"
# bench/export.sh keeps its own section of the same file, and people their notes between runs; carry both over.
EXPORT_SECTION=$(sed -n '/<!-- export-benchmark:start -->/,/<!-- export-benchmark:end -->/p' "$OUTPUT" 2>/dev/null || true)
NOTES_SECTION=$(sed -n '/<!-- notes:start -->/,/<!-- notes:end -->/p' "$OUTPUT" 2>/dev/null || true)
COLD_SECTION=$(sed -n '/<!-- cold-start:start -->/,/<!-- cold-start:end -->/p' "$OUTPUT" 2>/dev/null || true)
python3 bench/report.py "$RESULTS" "$WORK/plans.txt" >"$OUTPUT" \
  --started "$STARTED" --signatures "$SIGNATURES" --unconfirmed "$UNCONFIRMED" --duration "$DURATION" --sign-duration "$SIGN_DURATION" \
  --connections "$CONNECTIONS" --threads "$THREADS" --seed-seconds "$SEED_SECONDS" \
  --pgbench-tps "${PGBENCH_TPS:-0}" --pgbench-latency "${PGBENCH_LATENCY:-0}" \
  --load "$LOAD_BEFORE" --load-after "$LOAD_AFTER" --journey-signers "$JOURNEY_SIGNERS" \
  --rows "$(sql -tA -c 'SELECT count(*) FROM "Signatures"')"
[ -z "$EXPORT_SECTION" ] || printf '\n%s\n' "$EXPORT_SECTION" >>"$OUTPUT"
[ -z "$COLD_SECTION" ] || printf '\n%s\n' "$COLD_SECTION" >>"$OUTPUT"
[ -z "$NOTES_SECTION" ] || printf '\n%s\n' "$NOTES_SECTION" >>"$OUTPUT"
log "done: $OUTPUT"
