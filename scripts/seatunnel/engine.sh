#!/usr/bin/env bash
# Starts one real Apache SeaTunnel (Zeta) engine, a single master_and_worker node, in the
# foreground, from the home that scripts/seatunnel/fetch.sh lays out in .cache/seatunnel-<version>.
#   PORT (5801)           Hazelcast port; the v1 REST API is http://127.0.0.1:$PORT/hazelcast/rest/maps/
#   RUN_DIR               per-run directory for the rendered configs and checkpoints
#                         (default .cache/seatunnel-runs/engine-$PORT)
#   HEAP (512m)           maximum heap (-Xmx); it starts at 64m and grows as needed
#   CLUSTER_NAME (seatunnel)
#   SEATUNNEL_VERSION (2.3.8)
# The tests start the engine from test/support/seatunnel-engine.ts with the same flags.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="${SEATUNNEL_VERSION:-2.3.8}"
home="$root/.cache/seatunnel-$version"
port="${PORT:-5801}"
heap="${HEAP:-512m}"
cluster_name="${CLUSTER_NAME:-seatunnel}"
run_dir="${RUN_DIR:-$root/.cache/seatunnel-runs/engine-$port}"
templates="$root/scripts/seatunnel/config"

[[ -f "$home/.complete" ]] || { echo "seatunnel: no engine in $home; run: bash scripts/seatunnel/fetch.sh" >&2; exit 1; }
mkdir -p "$run_dir/config" "$run_dir/checkpoints"
run_dir="$(cd "$run_dir" && pwd)"

# Render the templates: @PORT@, @CLUSTER_NAME@ and @RUN_DIR@ (none of them contains a '|').
for name in seatunnel.yaml hazelcast.yaml log4j2.properties; do
  sed -e "s|@PORT@|$port|g" -e "s|@CLUSTER_NAME@|$cluster_name|g" -e "s|@RUN_DIR@|$run_dir|g" \
    "$templates/$name" > "$run_dir/config/$name"
done

# The heap starts at 64m (or HEAP when smaller) and grows up to HEAP, keeping the resident set small.
[[ "$heap" =~ ^([0-9]+)([kKmMgG]?)$ ]] || { echo "seatunnel: HEAP=$heap is not a -Xmx size such as 512m" >&2; exit 1; }
case "${BASH_REMATCH[2],,}" in k) heap_bytes=$(( BASH_REMATCH[1] * 1024 ));; m) heap_bytes=$(( BASH_REMATCH[1] * 1024 ** 2 ));;
  g) heap_bytes=$(( BASH_REMATCH[1] * 1024 ** 3 ));; *) heap_bytes=${BASH_REMATCH[1]};; esac
initial_heap=64m
(( heap_bytes < 64 * 1024 ** 2 )) && initial_heap="$heap"

export SEATUNNEL_HOME="$home"
# The run directory is the working directory too (the engine's default seatunnel.home), as in the
# TypeScript launcher.
cd "$run_dir"
exec java \
  "-Xms$initial_heap" "-Xmx$heap" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
  --add-opens java.base/java.lang=ALL-UNNAMED \
  --add-opens java.base/java.util=ALL-UNNAMED \
  --add-opens java.base/java.nio=ALL-UNNAMED \
  --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens java.base/java.lang.reflect=ALL-UNNAMED \
  --add-opens java.base/java.io=ALL-UNNAMED \
  --add-opens java.base/java.net=ALL-UNNAMED \
  --add-opens java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens java.base/jdk.internal.misc=ALL-UNNAMED \
  --add-opens java.management/sun.management=ALL-UNNAMED \
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
  --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
  -Djava.net.preferIPv4Stack=true \
  "-DSEATUNNEL_HOME=$home" \
  "-Dseatunnel.config=$run_dir/config/seatunnel.yaml" \
  "-Dhazelcast.config=$run_dir/config/hazelcast.yaml" \
  "-Dlog4j2.configurationFile=$run_dir/config/log4j2.properties" \
  -Dhazelcast.phone.home.enabled=false \
  -cp "$home/lib/*" \
  org.apache.seatunnel.engine.server.SeaTunnelServerStarter
