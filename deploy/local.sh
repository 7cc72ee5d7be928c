#!/usr/bin/env bash
# A city's MotCua on one machine, on loopback ports, as it runs on several: HAProxy in front of three app nodes,
# PostgreSQL with its WAL archived and a streaming replica, Redis between the nodes, one shared file store.
#
#   deploy/local.sh start          builds (or takes MOTCUA_DLL), starts everything, waits until the front answers
#   deploy/local.sh status         each node's health and the load balancer's view of it
#   deploy/local.sh kill N         kill -9 of node N (a machine that dies); HAProxy takes it out of the pool
#   deploy/local.sh restart N      node N started again
#   deploy/local.sh restart-db     the primary database stopped (open sessions cut) and started again
#   deploy/local.sh stop           everything stopped (the data stays in MOTCUA_DEPLOY_DIR until removed)
#
# With Debian's prometheus installed, Prometheus scrapes every node's /metrics (every 2 s here), evaluates
# deploy/prometheus/alerts.yml and serves the city's console (deploy/prometheus/consoles) on LB_PORT+98.
#
# Settings (environment): MOTCUA_DEPLOY_DIR (/tmp/motcua-city), NODES (3), LB_PORT (5100; node N on LB_PORT+N,
# Prometheus on LB_PORT+98, HAProxy's statistics on LB_PORT+99), PG_PORT (5540; the replica on PG_PORT+1), REDIS_PORT (6391), MOTCUA_DLL (an
# already built MotCua.dll; without it the app is published in Release into the deployment folder). Every other
# variable of the environment reaches the nodes as it does any ASP.NET Core app (Demo__Month=false, …).
# Needs Debian's haproxy, postgresql and redis-server; run as root or as the owner of the folders.
# docs/operations.md ("Several machines") gives the same layout for real machines.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
dir=${MOTCUA_DEPLOY_DIR:-/tmp/motcua-city}
nodes=${NODES:-3}
lb_port=${LB_PORT:-5100}
pg_port=${PG_PORT:-5540}
replica_port=$((pg_port + 1))
redis_port=${REDIS_PORT:-6391}
stats_port=$((lb_port + 99))
prom_port=$((lb_port + 98))

database="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=motcua"
replica="Host=127.0.0.1;Port=$replica_port;Username=postgres;Database=motcua"

get() { # PORT PATH: the response (HTTP/1.0 through bash alone, no curl needed)
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && printf 'GET $2 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3" 2>/dev/null
}
ready() { get "$1" /health/ready | head -n 1 | grep -q ' 200 '; }
wait_ready() { # PORT WHAT
  for _ in $(seq 1 1200); do ready "$1" && return 0; sleep 0.1; done
  echo "$2 did not become ready within two minutes; see $dir/*.log" >&2
  return 1
}

app() { # the command that runs a node, and its content root
  if [ -n "${MOTCUA_DLL:-}" ]; then
    echo "$(dirname "$MOTCUA_DLL")|dotnet $MOTCUA_DLL"
  else
    echo "$dir/app|dotnet $dir/app/MotCua.dll"
  fi
}

start_node() { # N
  local n=$1 port=$((lb_port + $1)) root cmd
  IFS='|' read -r root cmd < <(app)
  (
    cd "$root"
    export ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Database__Provider=Postgres Database__ConnectionString="$database" Database__ReadConnectionString="$replica" \
      Redis__Configuration="127.0.0.1:$redis_port" Storage__Root="$dir/files" \
      Proxy__TrustedProxies=127.0.0.1 App__PublicUrl="${App__PublicUrl:-http://127.0.0.1:$lb_port}" \
      Scanning__Root="$dir/scans/node$n"
    nohup $cmd --contentRoot "$root" >"$dir/node$n.log" 2>&1 &
    echo $! >"$dir/node$n.pid"
  )
}

haproxy_config() {
  cat <<CFG
# MotCua's load balancer (written by deploy/local.sh; the same on real machines with their addresses)
global
    maxconn 5000                 # two file descriptors a connection: keep under the limit (ulimit -n)

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h            # queue boards' and second screens' WebSockets
    option forwardfor            # the client's address, believed by the nodes (Proxy:TrustedProxies)
    option redispatch            # a request that could not reach a node goes to another
    retries 2                    # only when the connection failed: a request a node took is never sent twice

frontend motcua
    bind 127.0.0.1:$lb_port
    http-request deny deny_status 404 if { path_beg /metrics }   # Prometheus scrapes each node, never through here
    default_backend nodes

backend nodes
    balance roundrobin
    # A node answers its readiness (database reachable) or leaves the pool within two seconds.
    option httpchk GET /health/ready
    http-check expect status 200
    default-server check inter 1s fall 2 rise 2
    # A browser stays on one node (SignalR's negotiation and connection must meet); API clients spread.
    cookie MOTCUA_NODE insert indirect nocache httponly
CFG
  for n in $(seq 1 "$nodes"); do
    echo "    server node$n 127.0.0.1:$((lb_port + n)) cookie n$n"
  done
  cat <<CFG

frontend statistics
    bind 127.0.0.1:$stats_port
    stats enable
    stats uri /
    stats refresh 5s
CFG
}

prometheus_config() {
  cat <<CFG
# Prometheus for MotCua's nodes (written by deploy/local.sh; on real machines: the nodes' addresses, and
# "authorization: { credentials_file: /etc/prometheus/motcua.token }" when Telemetry:MetricsToken is set)
global:
  scrape_interval: 2s
  evaluation_interval: 2s
rule_files:
  - $here/prometheus/alerts.yml
scrape_configs:
  - job_name: motcua
    metrics_path: /metrics
    static_configs:
      - targets: [$(for n in $(seq 1 "$nodes"); do printf "'127.0.0.1:%s'%s" $((lb_port + n)) "$([ "$n" -lt "$nodes" ] && echo ', ')"; done)]
CFG
}

start_prometheus() {
  command -v prometheus >/dev/null || { echo "Prometheus not installed (apt-get install prometheus): metrics are still at each node's /metrics"; return 0; }
  prometheus_config >"$dir/prometheus.yml"
  nohup prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/prometheus" \
    --web.listen-address="127.0.0.1:$prom_port" --web.console.templates="$here/prometheus/consoles" \
    --web.console.libraries="$here/prometheus/consoles" >"$dir/prometheus.log" 2>&1 &
  echo $! >"$dir/prometheus.pid"
  echo "Prometheus on http://127.0.0.1:$prom_port (the city's console: /consoles/motcua.html)"
}

case "${1:-}" in
  start)
    mkdir -p "$dir" "$dir/files" "$dir/scans"
    chmod 755 "$dir"
    if [ -z "${MOTCUA_DLL:-}" ] && [ ! -f "$dir/app/MotCua.dll" ]; then
      echo "Publishing MotCua (Release) into $dir/app…"
      dotnet publish "$repo/src/MotCua" -c Release -o "$dir/app" -nologo -v q >/dev/null
    fi
    "$here/pg.sh" primary "$dir/pg/primary" "$pg_port" "$dir/wal"
    redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    echo "Redis on 127.0.0.1:$redis_port"
    # The first node migrates the database (and seeds the demo city on an empty one); the others start after it.
    start_node 1
    wait_ready $((lb_port + 1)) "node 1"
    "$here/pg.sh" replica "$pg_port" "$dir/pg/replica" "$replica_port"
    for n in $(seq 2 "$nodes"); do start_node "$n"; done
    for n in $(seq 2 "$nodes"); do wait_ready $((lb_port + n)) "node $n"; done
    haproxy_config >"$dir/haproxy.cfg"
    haproxy -f "$dir/haproxy.cfg" -D -p "$dir/haproxy.pid"
    wait_ready "$lb_port" "the load balancer"
    start_prometheus
    echo "MotCua on http://127.0.0.1:$lb_port ($nodes nodes on $((lb_port + 1))–$((lb_port + nodes)); HAProxy's view on http://127.0.0.1:$stats_port)"
    ;;
  status)
    for n in $(seq 1 "$nodes"); do
      if ready $((lb_port + n)); then state=ready; else state=down; fi
      echo "node$n 127.0.0.1:$((lb_port + n)) $state"
    done
    get "$stats_port" "/;csv" | awk -F, '$1 == "nodes" && $2 ~ /^node/ { print "balancer: " $2 " " $18 }' || true
    ;;
  kill)
    kill -9 "$(cat "$dir/node$2.pid")"
    echo "node$2 killed (kill -9)"
    ;;
  restart)
    start_node "$2"
    wait_ready $((lb_port + $2)) "node $2"
    echo "node$2 started again"
    ;;
  restart-db)
    "$here/pg.sh" restart "$dir/pg/primary"
    ;;
  stop)
    [ -f "$dir/haproxy.pid" ] && kill "$(cat "$dir/haproxy.pid")" 2>/dev/null || true
    [ -f "$dir/prometheus.pid" ] && kill "$(cat "$dir/prometheus.pid")" 2>/dev/null || true
    for n in $(seq 1 "$nodes"); do [ -f "$dir/node$n.pid" ] && kill "$(cat "$dir/node$n.pid")" 2>/dev/null || true; done
    [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    "$here/pg.sh" stop "$dir/pg/replica"
    "$here/pg.sh" stop "$dir/pg/primary"
    echo "stopped (data kept in $dir)"
    ;;
  *)
    sed -n '2,22p' "$0" >&2
    exit 2
    ;;
esac
