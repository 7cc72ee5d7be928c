#!/usr/bin/env bash
# Runs every MotCua test: unit and integration tests on SQLite and on PostgreSQL (a throwaway cluster unless
# MOTCUA_TEST_POSTGRES names a server), the two-node queue test against Redis (a throwaway redis-server unless
# MOTCUA_TEST_REDIS names one), the three-node deployment behind HAProxy (deploy/local.sh) with a node killed, the
# PostgreSQL backup drill, the alert rules (promtool), and the browser journeys in headless Chromium. What is missing is installed from
# Debian's packages when the script runs as root.
# Ends with the line "N passed, N failed" (and "N skipped" when a part could not run); exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium for the browser journeys (Debian packages)..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium chromium-driver' first." >&2
    exit 1
  fi
fi

cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c"; done' EXIT

if [ -z "${MOTCUA_TEST_POSTGRES:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing PostgreSQL for the tests on the production database (Debian package)..."
      DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "PostgreSQL is missing: run 'sudo apt-get install -y postgresql' first, or set MOTCUA_TEST_POSTGRES." >&2
      exit 1
    fi
  fi
  pg_port=5433
  while (echo > /dev/tcp/127.0.0.1/$pg_port) 2>/dev/null; do pg_port=$((pg_port + 1)); done
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_dir=$(mktemp -d /tmp/motcua-pg.XXXXXX)
  as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
  as_pg "$pgbin/initdb -D $pg_dir/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  as_pg "$pgbin/pg_ctl -D $pg_dir/data -l $pg_dir/log -w -o '-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_dir -c max_connections=300 -c fsync=off' start" >/dev/null
  cleanup+=("as_pg '$pgbin/pg_ctl -D $pg_dir/data -m fast stop' >/dev/null 2>&1; rm -rf '$pg_dir'")
  export MOTCUA_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  echo "Throwaway PostgreSQL on 127.0.0.1:$pg_port"
fi

if ! command -v haproxy >/dev/null && [ ! -x /usr/sbin/haproxy ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing HAProxy for the several-node deployment test (Debian package)..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  else
    echo "haproxy is missing: the several-node deployment test will be skipped ('sudo apt-get install -y haproxy')." >&2
  fi
fi

if [ ! -x /usr/bin/promtool ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Prometheus for the alert rules' tests and the deployment's scraping (Debian package)..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
  else
    echo "prometheus is missing: the alert rules' tests will be skipped ('sudo apt-get install -y prometheus')." >&2
  fi
fi

if [ -z "${MOTCUA_TEST_REDIS:-}" ]; then
  if ! command -v redis-server >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Redis for the two-node test (Debian package)..."
      DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    else
      echo "redis-server is missing: run 'sudo apt-get install -y redis-server' first." >&2
      exit 1
    fi
  fi
  redis_port=6390
  while (echo > /dev/tcp/127.0.0.1/$redis_port) 2>/dev/null; do redis_port=$((redis_port + 1)); done
  redis_dir=$(mktemp -d /tmp/motcua-redis.XXXXXX)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$redis_dir" --daemonize yes --pidfile "$redis_dir/pid" >/dev/null
  cleanup+=("kill \"\$(cat '$redis_dir/pid')\" 2>/dev/null; rm -rf '$redis_dir'")
  export MOTCUA_TEST_REDIS="127.0.0.1:$redis_port"
fi

rm -rf TestResults/trx
dotnet build MotCua.slnx -nologo -v q 2>&1 | grep -E "error|Build succeeded|FAILED" | sort -u
build=${PIPESTATUS[0]}
if [ "$build" != 0 ]; then
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/MotCua.Tests tests/MotCua.BrowserTests; do
  dotnet test "$project" --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" \
    --results-directory TestResults/trx || status=1
done

passed=0; failed=0; skipped=0
for trx in TestResults/trx/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$passed" = 0 ] && [ "$failed" = 0 ]; then status=1; failed=1; fi
[ "$failed" -gt 0 ] && status=1
[ "$skipped" -gt 0 ] && echo "$skipped skipped (see above: a provider or service that was not configured)"
echo "$passed passed, $failed failed"
exit $status
