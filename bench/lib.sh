# Shared by bench/run.sh and bench/export.sh (sourced, not run): PostgreSQL, the app in Release, and the COPY seed.
# The caller sets DB, BASE and WORK, and a cleanup trap that stops APP_PID.

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-petition} PGPASSWORD=${PGPASSWORD:-petition}
export PGOPTIONS='-c client_min_messages=warning'
# The app and pgbench reach PostgreSQL over loopback without TLS, as an app on the database's own machine would
# (BENCH_PG_SSL=Prefer gives both the default, TLS when the server offers it, as across a network).
PG_SSL=${BENCH_PG_SSL:-Disable}
export PGSSLMODE=$(tr '[:upper:]' '[:lower:]' <<<"$PG_SSL")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
APP_PID=
SINK_PID=
SMTP_PORT=${BENCH_SMTP_PORT:-2525}

log() { echo "== $(date -u +%H:%M:%S) $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# CPU time in clock ticks (usually 100 a second), read from /proc: one process's, every PostgreSQL process's, and
# the whole machine's busy time (user, nice, system, irq, softirq, steal over every core).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres_ticks() { local t=0 v; for p in $(pgrep -u postgres postgres); do v=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0); t=$((t + v)); done; echo $t; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
apt_install() {
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

# The same cluster and role that scripts/test.sh uses, and a fresh database $DB.
start_postgres() {
  command -v pg_lsclusters >/dev/null || { log "installing PostgreSQL"; apt_install postgresql; }
  if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
    local version
    version=$(pg_lsclusters -h | awk 'NR==1{print $1}')
    log "starting PostgreSQL $version"
    as_root pg_ctlcluster "$version" main start
    for _ in $(seq 50); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 0.2; done
  fi
  # The tests' streaming replica (scripts/replica.sh) replays every write the benchmark makes, on the same two cores.
  if pg_lsclusters -h | awk '$2=="replica" && $4=="online"{f=1}END{exit !f}'; then
    log "stopping the tests' replica cluster: it would replay every write on the benchmark's cores"
    as_root pg_ctlcluster "$(pg_lsclusters -h | awk '$2=="replica"{print $1; exit}')" replica stop
  fi
  (cd /tmp && as_root runuser -u postgres -- env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD psql -q -c \
    "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='petition') THEN CREATE ROLE petition LOGIN PASSWORD 'petition' CREATEDB; END IF; END\$\$;") >/dev/null
  log "creating database $DB"
  # An autovacuum worker left from an earlier run can refuse the drop for a moment.
  for _ in $(seq 10); do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 && break; sleep 1; done
  psql -X -q -d postgres -c "CREATE DATABASE $DB" >/dev/null
}

# Publishes the app in Release, migrates $DB and starts it on $BASE: everything as in production except the rate
# limits and the form's minimum fill time (wrk posts at once); warnings-only logs; mail sent with MailKit to
# bench/SmtpSink on loopback, which takes every message and keeps none, as a relay would take them.
start_app() {
  log "publishing the app (Release)"
  dotnet publish src/Petition.Web -c Release -o "$WORK/app" -nologo -v quiet >/dev/null
  dotnet build bench/SmtpSink -c Release -o "$WORK/sink" -nologo -v quiet >/dev/null
  mkdir -p "$WORK/links" # where the sink leaves the journey signers' confirmation links (bench/lua/journey.lua)
  dotnet "$WORK/sink/SmtpSink.dll" "$SMTP_PORT" "$WORK/mail-received" "$WORK/links" &
  SINK_PID=$!
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$BASE \
    Database__Provider=Postgres ConnectionStrings__Petition="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$DB;SSL Mode=$PG_SSL" \
    RateLimiting__Enabled=false Signing__MinimumFillTime=00:00:00 Logging__LogLevel__Default=Warning \
    Email__Smtp__Host=127.0.0.1 Email__Smtp__Port="$SMTP_PORT" Email__Smtp__Security=None Site__PublicBaseUrl=$BASE
  log "migrating"
  (cd "$WORK/app" && dotnet Petition.Web.dll migrate)
  launch_app
}

# Starts the published app on $BASE and waits for /healthz.
launch_app() {
  log "starting the app on $BASE"
  (cd "$WORK/app" && exec dotnet Petition.Web.dll) >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 100); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.3; done
  curl -sf "$BASE/healthz" >/dev/null || { echo "the app did not start"; cat "$WORK/app.log"; exit 1; }
}

# The EXIT trap of a benchmark that keeps nothing: the app and the sink stopped, $DB dropped, $WORK removed.
cleanup() {
  stop_app
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}

# Stops the app and the mail sink (for the callers' EXIT traps).
stop_app() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; fi
  APP_PID= SINK_PID=
}

# seed LETTER PUBLISHED UNCONFIRMED TOKENS_FILE: bench/seed.py's rows into "Signatures" with COPY, then sealed as the
# app stores them. Only the app holds the keys, so the rows go in as a version before sealing wrote them (the app
# stopped, the schema taken back with `migrate --to`), and `migrate` seals every one on its way up (decision 025).
seed() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi
  (cd "$WORK/app" && dotnet Petition.Web.dll migrate --to StatesTokenDetails) >/dev/null
  python3 bench/seed.py "$@" | sql -c '\copy "Signatures" ("LetterId", "LetterVersion", "State", "Source", "Name", "Email", "EmailCanonical", "Title", "Organization", "Category", "Country", "City", "ListPublicly", "Notable", "Hidden", "ShowVerifiedBadge", "Unsubscribed", "EmailsSent", "SearchText", "CreatedAt", "ConfirmedAt", "PublishedAt", "ConfirmationTokenHash", "ConfirmationExpiresAt") FROM STDIN WITH (FORMAT csv)'
  log "sealing the seeded rows (migrate)"
  local sealing_start; sealing_start=$(date +%s)
  (cd "$WORK/app" && dotnet Petition.Web.dll migrate) >/dev/null
  SEAL_SECONDS=$(( $(date +%s) - sealing_start ))
  log "sealed in ${SEAL_SECONDS}s; compacting the table (every row was rewritten once)"
  # Sealing rewrote every row: without this the scenarios would run on a table and indexes twice their size, with
  # autovacuum working through them at the same time.
  sql -c 'VACUUM (FULL, ANALYZE) "Signatures"' >/dev/null
  launch_app
}
