#!/usr/bin/env bash
# A streaming replica of the local PostgreSQL cluster on port 5433, for the read-replica tests
# (tests/Petition.Tests/Integration/ReadReplicaTests.cs): made once with pg_basebackup, started when stopped.
# The role the tests use may pause and resume the replica's replay, to make it fall behind on purpose.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { (cd /tmp && as_root runuser -u postgres -- "$@"); }
PORT=${PETITION_REPLICA_PORT:-5433}
version=$(pg_lsclusters -h | awk '$2=="main"{print $1; exit}')
primary_port=$(pg_lsclusters -h | awk '$2=="main"{print $3; exit}')
data=/var/lib/postgresql/$version/replica

if ! pg_lsclusters -h | awk '$2=="replica"{f=1}END{exit !f}'; then
  echo "== making a streaming replica of PostgreSQL $version on port $PORT"
  as_root pg_createcluster "$version" replica -p "$PORT" >/dev/null
  as_root rm -rf "$data"
  # -R writes standby.signal and how to reach the primary; -X stream takes the WAL written meanwhile; the slot keeps
  # the primary's WAL until the replica has it, so a replica stopped for a while still catches up when started.
  as_postgres psql -q -p "$primary_port" -c \
    "SELECT pg_drop_replication_slot('petition_replica') FROM pg_replication_slots WHERE slot_name = 'petition_replica'" >/dev/null
  as_postgres pg_basebackup -D "$data" -R -X stream -c fast -C -S petition_replica -h /var/run/postgresql -p "$primary_port"
fi
pg_lsclusters -h | awk '$2=="replica" && $4=="online"{f=1}END{exit !f}' || as_root pg_ctlcluster "$version" replica start
for _ in $(seq 50); do pg_isready -q -h 127.0.0.1 -p "$PORT" && break; sleep 0.2; done
# Every test database is made from template1, so the grant is there before the database is.
as_postgres psql -q -p "$primary_port" -d template1 -c \
  "GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume() TO petition" >/dev/null
