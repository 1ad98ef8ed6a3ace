#!/usr/bin/env bash
# Writes the importers' test fixtures from the real tools, as Debian ships
# them (apt-get install -y pgbackrest restic postgresql):
#
#   pgBackRest: a throwaway PostgreSQL cluster in a temporary folder, archived
#   and backed up into a repository there; `pgbackrest info --output=json`
#   with no backups yet, with good full/diff/incr backups, with a backup that
#   found a corrupt page (error flag), while a backup is running, and for a
#   repository that is not there.
#   restic: a temporary repository; `restic snapshots --json` with none yet,
#   after two backups, and for a repository that is not there;
#   `restic backup --json` that succeeds and one that fails.
#
# Each fixture is the run as the CLI's `report` command sees it:
# { tool, version, command, exitCode, startedAt, finishedAt, stdout, stderr }.
# Run from anywhere: bash plugins/reliability-node/scripts/backup-fixtures.sh
# ONLY=name,name writes only those fixtures (the others keep their recorded
# labels and times, which tests name).
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/src/backups/__fixtures__"
mkdir -p "$out"
work=$(mktemp -d /tmp/reliability-fixtures.XXXXXX)
chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
port=$((20000 + RANDOM % 20000))
# PostgreSQL refuses to run as root: the cluster and pgBackRest run as the
# postgres user when this script runs as root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  as_pg "$pgbin/pg_ctl" -D "$work/pgdata" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# capture NAME TOOL COMMAND...: runs the command and writes NAME.json.
capture() {
  local name=$1 tool=$2
  shift 2
  if [ -n "${ONLY:-}" ] && [[ ",$ONLY," != *",$name,"* ]]; then
    "$@" >/dev/null 2>&1 || true
    return 0
  fi
  local started finished code=0
  started=$(date -u +%FT%TZ)
  "$@" >"$work/stdout" 2>"$work/stderr" || code=$?
  finished=$(date -u +%FT%TZ)
  local version
  version=$("$tool" version 2>/dev/null | head -1)
  node -e '
    const fs = require("fs");
    const [name, tool, version, command, code, startedAt, finishedAt, dir, out] = process.argv.slice(1);
    const run = {
      tool, version, command, exitCode: Number(code), startedAt, finishedAt,
      stdout: fs.readFileSync(dir + "/stdout", "utf8").replaceAll(dir, "/tmp/fixtures"),
      stderr: fs.readFileSync(dir + "/stderr", "utf8")
        .replaceAll(dir, "/tmp/fixtures"),
    };
    fs.writeFileSync(`${out}/${name}.json`, JSON.stringify(run, null, 2) + "\n");
  ' "$name" "$tool" "$version" "$(printf %s "${*//$work//tmp/fixtures}" | sed "s/^as_pg //")" "$code" "$started" "$finished" "$work" "$out"
  echo "fixture $name: exit $code"
}

# ---- pgBackRest ------------------------------------------------------------
mkdir -p "$work/repo" "$work/log" "$work/lock" "$work/spool"
chown -R postgres "$work" 2>/dev/null || true
cat >"$work/pgbackrest.conf" <<CONF
[global]
repo1-path=$work/repo
repo1-retention-full=4
log-path=$work/log
lock-path=$work/lock
spool-path=$work/spool
log-level-console=warn
start-fast=y

[insights]
pg1-path=$work/pgdata
pg1-port=$port
pg1-socket-path=$work
CONF
pgbr=(pgbackrest --config="$work/pgbackrest.conf" --stanza=insights)
as_pg "$pgbin/initdb" -D "$work/pgdata" -k -A trust -U postgres >/dev/null
cat >>"$work/pgdata/postgresql.conf" <<CONF
port = $port
listen_addresses = ''
unix_socket_directories = '$work'
archive_mode = on
archive_command = 'pgbackrest --config=$work/pgbackrest.conf --stanza=insights archive-push %p'
wal_level = replica
checkpoint_timeout = 300s
CONF
as_pg "$pgbin/pg_ctl" -D "$work/pgdata" -l "$work/log/postgres.log" -w start >/dev/null
psql_() { as_pg psql -h "$work" -p "$port" -U postgres -qAt "$@"; }
as_pg "${pgbr[@]}" stanza-create
capture pgbackrest-no-backups pgbackrest as_pg "${pgbr[@]}" info --output=json

psql_ -c "CREATE TABLE users AS SELECT g AS id, md5(g::text) AS name FROM generate_series(1, 20000) g"
as_pg "${pgbr[@]}" backup --type=full
psql_ -c "INSERT INTO users SELECT g, md5(g::text) FROM generate_series(20001, 30000) g"
as_pg "${pgbr[@]}" backup --type=diff
psql_ -c "INSERT INTO users SELECT g, md5(g::text) FROM generate_series(30001, 35000) g"
as_pg "${pgbr[@]}" backup --type=incr
capture pgbackrest-ok pgbackrest as_pg "${pgbr[@]}" info --output=json

# WAL archived past the last backup: writes after the incr, two segment
# switches, and the archive's newest segment (`archive[].max`) is ahead of
# the last backup's `archive.stop` — what keeps a one-minute RPO between
# daily fulls.
psql_ -c "INSERT INTO users SELECT g, md5(g::text) FROM generate_series(35001, 36000) g"
psql_ -c "SELECT pg_switch_wal()" >/dev/null
psql_ -c "INSERT INTO users SELECT g, md5(g::text) FROM generate_series(36001, 37000) g"
segment=$(psql_ -c "SELECT pg_walfile_name(pg_switch_wal())")
for _ in $(seq 1 50); do
  [ "$(psql_ -c "SELECT last_archived_wal FROM pg_stat_archiver")" = "$segment" ] && break
  sleep 0.2
done
capture pgbackrest-wal-ahead pgbackrest as_pg "${pgbr[@]}" info --output=json

# A backup that finds a page whose checksum is wrong: pgBackRest completes it
# and flags it with `error: true`.
psql_ -c "CREATE TABLE audit AS SELECT g AS id, md5(g::text) AS note FROM generate_series(1, 5000) g"
psql_ -c "CHECKPOINT"
rel=$(psql_ -c "SELECT pg_relation_filepath('audit')")
printf 'corrupt!corrupt!corrupt!' | dd of="$work/pgdata/$rel" bs=1 seek=4000 conv=notrunc status=none
capture pgbackrest-backup-page-error pgbackrest as_pg "${pgbr[@]}" backup --type=incr
capture pgbackrest-failed pgbackrest as_pg "${pgbr[@]}" info --output=json

# A backup that is still running: without start-fast it waits for the next
# checkpoint (checkpoint_timeout above), holding the backup lock meanwhile.
as_pg "${pgbr[@]}" backup --type=full --no-start-fast >/dev/null 2>&1 &
running=$!
for _ in $(seq 1 50); do
  if as_pg "${pgbr[@]}" info --output=json | grep -q '"held":true'; then break; fi
  sleep 0.2
done
capture pgbackrest-running pgbackrest as_pg "${pgbr[@]}" info --output=json
kill "$running" 2>/dev/null || true
wait "$running" 2>/dev/null || true

capture pgbackrest-missing-repo pgbackrest as_pg pgbackrest --config="$work/pgbackrest.conf" --stanza=insights --repo1-path="$work/no-such-repo" info --output=json

# ---- restic ----------------------------------------------------------------
export RESTIC_PASSWORD=fixture-password
mkdir -p "$work/data/uploads"
for i in 1 2 3; do head -c 200000 /dev/urandom >"$work/data/uploads/object-$i.bin"; done
restic -r "$work/restic" init >/dev/null
capture restic-no-snapshots restic restic -r "$work/restic" snapshots --json
capture restic-backup-ok restic restic -r "$work/restic" backup --json --tag weekly --host insights-object-store "$work/data"
head -c 100000 /dev/urandom >"$work/data/uploads/object-4.bin"
restic -r "$work/restic" backup --tag weekly --host insights-object-store "$work/data" >/dev/null
capture restic-snapshots restic restic -r "$work/restic" snapshots --json
capture restic-backup-failed restic restic -r "$work/restic" backup --json --tag weekly --host insights-object-store "$work/no-such-folder"
capture restic-missing-repo restic restic -r "$work/no-such-repo" snapshots --json
