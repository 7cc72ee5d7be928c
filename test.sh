#!/usr/bin/env bash
# Runs every MotCua test: unit and integration tests on SQLite (and on PostgreSQL too when
# MOTCUA_TEST_POSTGRES names a server), the two-node queue test against Redis (a throwaway redis-server
# unless MOTCUA_TEST_REDIS names one), and the browser journeys in headless Chromium.
# Ends with the line "N passed, N failed"; exits non-zero when anything failed.
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
  trap 'kill "$(cat "$redis_dir/pid")" 2>/dev/null; rm -rf "$redis_dir"' EXIT
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

passed=0; failed=0
for trx in TestResults/trx/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$passed" = 0 ] && [ "$failed" = 0 ]; then status=1; failed=1; fi
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
