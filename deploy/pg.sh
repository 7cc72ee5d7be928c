#!/usr/bin/env bash
# PostgreSQL for MotCua on one machine or several: a primary that archives its WAL, a streaming replica, a base
# backup, and a point-in-time restore. Run as root (the server runs as the postgres user) or as the user who owns
# the data folders. Debian's postgresql package provides the binaries.
#
#   deploy/pg.sh primary  DATA PORT ARCHIVE          a new primary on 127.0.0.1:PORT, WAL archived into ARCHIVE,
#                                                    with an empty database "motcua"
#   deploy/pg.sh replica  PRIMARY_PORT DATA PORT     a streaming replica of the primary (hot standby, read-only)
#   deploy/pg.sh backup   PORT BACKUP                a base backup of the server on PORT into BACKUP (tar, gzip)
#   deploy/pg.sh restore  BACKUP ARCHIVE DATA PORT [TIME]
#                                                    the base backup replayed from ARCHIVE up to TIME (an ISO time
#                                                    with its offset; every archived WAL without one), then promoted
#   deploy/pg.sh restart  DATA                       stops the server of DATA (fast: open sessions are cut) and starts it
#   deploy/pg.sh stop     DATA                       stops the server of DATA
#
# On real machines the same settings go into postgresql.conf (see docs/operations.md, "Backups").
set -euo pipefail

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
own() { # makes each folder that is not there yet, for the postgres user
  for dir in "$@"; do
    if [ ! -e "$dir" ]; then mkdir -p "$dir"; if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi; fi
  done
}
start() { # DATA PORT
  as_pg "$pgbin/pg_ctl -D '$1' -l '$1.log' -w -t 120 -o \"-p $2 -c listen_addresses=127.0.0.1 -k '$1.sock'\" start" >/dev/null
}

command=${1:-}; shift || true
case "$command" in
  primary)
    data=$1 port=$2 archive=$3
    own "$archive" "$(dirname "$data")"
    as_pg "$pgbin/initdb -D '$data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
    own "$data.sock"
    cat >> "$data/postgresql.conf" <<CONF
# MotCua: WAL kept for a streaming replica and archived for point-in-time restores
wal_level = replica
max_wal_senders = 10
hot_standby = on
max_connections = 300
archive_mode = on
archive_command = 'test ! -f $archive/%f && cp %p $archive/%f'
archive_timeout = 60
CONF
    start "$data" "$port"
    as_pg "$pgbin/psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE motcua'"
    echo "primary on 127.0.0.1:$port (data $data, WAL archive $archive)"
    ;;
  replica)
    primary=$1 data=$2 port=$3
    own "$(dirname "$data")"
    as_pg "$pgbin/pg_basebackup -h 127.0.0.1 -p $primary -U postgres -D '$data' -R -X stream --checkpoint=fast"
    own "$data.sock"
    # The replica does not archive: the primary's archive is the one.
    echo "archive_mode = off" >> "$data/postgresql.conf"
    start "$data" "$port"
    echo "replica on 127.0.0.1:$port streaming from 127.0.0.1:$primary"
    ;;
  backup)
    port=$1 backup=$2
    own "$(dirname "$backup")"
    as_pg "$pgbin/pg_basebackup -h 127.0.0.1 -p $port -U postgres -D '$backup' -Ft -z -X fetch --checkpoint=fast --label motcua-base"
    echo "base backup of 127.0.0.1:$port in $backup"
    ;;
  restore)
    backup=$1 archive=$2 data=$3 port=$4 time=${5:-}
    if [ -e "$data" ]; then echo "$data exists: a restore goes into a fresh place." >&2; exit 2; fi
    own "$(dirname "$data")" "$data" "$data.sock"
    chmod 700 "$data"
    as_pg "tar -xzf '$backup/base.tar.gz' -C '$data'"
    {
      echo "# MotCua: point-in-time restore from the WAL archive"
      echo "restore_command = 'cp $archive/%f %p'"
      echo "archive_mode = off"
      if [ -n "$time" ]; then echo "recovery_target_time = '$time'"; fi
      echo "recovery_target_action = 'promote'"
    } >> "$data/postgresql.conf"
    as_pg "touch '$data/recovery.signal'"
    start "$data" "$port"
    # Wait until recovery is over and the server writes again.
    for _ in $(seq 1 600); do
      [ "$(as_pg "$pgbin/psql -h 127.0.0.1 -p $port -U postgres -Atc 'SELECT pg_is_in_recovery()'" 2>/dev/null)" = f ] && break
      sleep 0.1
    done
    echo "restored on 127.0.0.1:$port${time:+ to $time}"
    ;;
  restart)
    data=$1
    as_pg "$pgbin/pg_ctl -D '$data' -m fast -w -t 120 restart" >/dev/null
    echo "restarted the server of $data"
    ;;
  stop)
    data=$1
    as_pg "$pgbin/pg_ctl -D '$data' -m fast stop" >/dev/null 2>&1 || true
    ;;
  *)
    sed -n '2,17p' "$0" >&2
    exit 2
    ;;
esac
