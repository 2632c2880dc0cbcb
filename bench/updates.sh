#!/usr/bin/env bash
# The updates benchmark (issue 13): seeds a PostgreSQL database with COPY (default 100,000 published signatures, all
# of whom asked for updates), starts the app published in Release with the bench SMTP sink, posts an organisers'
# update from the console as an admin does, and times it until the sink has every email: emails per second through
# the update sender and the outbox. Then, in the same run, the sign rate through the API (wrk, 15 s), for the ratio.
# Writes its section of docs/benchmarks.md.
#
#   bench/updates.sh
#
# Settings (environment): BENCH_SIGNATURES (default 100000), BENCH_PORT (default 5097), BENCH_DATABASE (default
# petition_updates_bench, dropped and recreated), BENCH_OUTPUT (default docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIGNATURES=${BENCH_SIGNATURES:-100000}
PORT=${BENCH_PORT:-5097}
DB=${BENCH_DATABASE:-petition_updates_bench}
OUTPUT=${BENCH_OUTPUT:-docs/benchmarks.md}
SLUG=upr-accountability
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/petition-updates-bench.XXXXXX)
STARTED=$(date -u +"%Y-%m-%d %H:%M UTC")
source bench/lib.sh
trap cleanup EXIT
command -v wrk >/dev/null || { log "installing wrk"; apt_install wrk; }

start_postgres
start_app
LETTER=$(sql -tA -c "SELECT \"Id\" FROM \"Letters\" WHERE \"Slug\" = '$SLUG'")
log "seeding $SIGNATURES published signatures with COPY, every one asking for updates"
seed "$LETTER" "$SIGNATURES" 0 /dev/null
sql -c "UPDATE \"Signatures\" SET \"WantsUpdates\" = true WHERE \"LetterId\" = $LETTER" >/dev/null

ADMIN_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
(cd "$WORK/app" && dotnet Petition.Web.dll create-admin --email bench-admin@bench.example --password "$ADMIN_PASSWORD") >/dev/null
COOKIE=$(python3 bench/admin_session.py "$BASE" bench-admin@bench.example "$ADMIN_PASSWORD")

log "posting an update to $SIGNATURES signers and waiting for every email at the sink"
UPDATE=$(python3 - "$BASE" "$COOKIE" "$SLUG" "$WORK/mail-received" "$SIGNATURES" <<'PY'
import json, re, sys, time, urllib.error, urllib.parse, urllib.request
base, cookie, slug, count_file, expected = sys.argv[1:6]
expected = int(expected)
cookies = dict(part.split("=", 1) for part in cookie.split("; ") if "=" in part)
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs): return None
opener = urllib.request.build_opener(NoRedirect)
def request(path, form=None):
    req = urllib.request.Request(base + path, data=urllib.parse.urlencode(form).encode() if form is not None else None)
    req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try: response = opener.open(req, timeout=600)
    except urllib.error.HTTPError as e: response = e
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("="); cookies[name] = rest.split(";", 1)[0]
    return response.status, response.read().decode()
def received():
    try: return int(open(count_file).read() or 0)
    except (FileNotFoundError, ValueError): return 0
page = request(f"/admin/letters/{slug}/updates")[1]
audience = int(re.search(r'id="update-audience">([\d,]+)<', page).group(1).replace(",", ""))
token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
before = received()
started = time.monotonic()
status, _ = request(f"/admin/letters/{slug}/updates", {"Subject[en]": "Delivered today",
    "Body[en]": "The letter was delivered to 193 missions today.", "__RequestVerificationToken": token})
posted = time.monotonic() - started
if status != 302: sys.exit(f"the update's post answered {status}")
half = None
while received() - before < audience and time.monotonic() - started < 1800:
    if half is None and received() - before >= audience // 2: half = time.monotonic() - started
    time.sleep(0.2)
took = time.monotonic() - started
print(json.dumps({"audience": audience, "emails": received() - before, "post_seconds": posted, "seconds": took,
                  "half_seconds": half or took, "per_second": (received() - before) / took}))
PY
) || UPDATE=""
log "update: $UPDATE"

log "the sign rate in the same run (wrk, 15 s)"
export BENCH_LUA=$ROOT/bench/lua BENCH_THREADS=2 BENCH_RUN=$$ BENCH_ORIGIN=$BASE
wrk -t2 -c50 -d15s --latency -s bench/lua/sign-api.lua "$BASE/api/letters/$SLUG/signatures" >"$WORK/wrk-sign.txt" 2>&1 || true
SIGN=$(grep '^RESULT ' "$WORK/wrk-sign.txt" | sed 's/^RESULT //' || true)
log "sign: $SIGN"

python3 - "$OUTPUT" "$STARTED" "$SIGNATURES" "$UPDATE" "${SIGN:-{\}}" <<'PY'
import json, os, sys
output, started, signatures, update, sign = sys.argv[1:6]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
u = json.loads(update) if update else None
s = json.loads(sign) if sign.strip() not in ("", "{}") else {}
lines = ["<!-- updates-benchmark:start -->", "## Updates to signers", "",
         f"Measured {started} by `bench/updates.sh` on {os.cpu_count()} cores ({cpu}), the app (Release), PostgreSQL, the bench SMTP sink "
         f"and the load tools sharing the machine, with {int(signatures):,} published signatures seeded, every one asking for updates. "
         "An admin posts one update from the console; the update sender writes it to the outbox in chunks behind a cursor, and the outbox "
         "senders deliver it to the sink over SMTP, each email in its signer's language with its own unsubscribe and manage links.", ""]
if u:
    rps = s.get("rps")
    ratio = f" That is {u['per_second'] / rps:.0%} of the sign rate measured just after in the same run ({rps:,.0f} sign requests a second through the API, wrk, 50 connections, 15 s)." if rps else ""
    lines += [f"| signers | post answered | half sent | all sent | emails per second |", "|---:|---:|---:|---:|---:|",
              f"| {u['audience']:,} | {u['post_seconds']:.2f} s | {u['half_seconds']:.1f} s | {u['seconds']:.1f} s | {u['per_second']:,.0f} |", "",
              f"The post answers at once (the sending is a background job with progress, paused and resumed from the console); "
              f"{u['emails']:,} emails reached the sink.{ratio}", ""]
else:
    lines += ["The update did not complete in this run; see the script's log.", ""]
lines += ["<!-- updates-benchmark:end -->"]
section = "\n".join(lines)
text = open(output).read() if os.path.exists(output) else "# Benchmarks\n"
start, end = text.find("<!-- updates-benchmark:start -->"), text.find("<!-- updates-benchmark:end -->")
text = text[:start] + section + text[end + len("<!-- updates-benchmark:end -->"):] if start >= 0 and end >= 0 else text.rstrip("\n") + "\n\n" + section + "\n"
open(output, "w").write(text)
print(section)
PY
log "done"
