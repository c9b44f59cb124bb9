#!/usr/bin/env bash
# End-to-end check of docker-compose.yml on this machine: builds the offline images, starts the
# stack, waits until every container is healthy, checks that the two Hazelcast members formed one
# cluster and that every node answers the REST API, then always tears everything down again.
#
# Usage: bash scripts/docker/compose-smoke.sh [--hz-only] [--keep]
#   --hz-only  only hz1 and hz2 (e.g. before the workspace is built)
#   --keep     leave the stack running (tear down later with `docker-compose down -v`)
# Env: SMOKE_TIMEOUT (seconds to wait for health, 180)
# Only loopback ports and the project's own docker network are contacted.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
hz_only=0
keep=0
for arg in "$@"; do
  case "$arg" in
    --hz-only) hz_only=1 ;;
    --keep) keep=1 ;;
    *) echo "compose-smoke: unknown argument $arg" >&2; exit 2 ;;
  esac
done
timeout_s="${SMOKE_TIMEOUT:-180}"

now_us() { local t="$EPOCHREALTIME"; echo "${t//[!0-9]/}"; }
since() { local d=$(( ($(now_us) - $1) / 100000 )); printf '%d.%d' $((d / 10)) $((d % 10)); }

# Debian bookworm ships compose 1.29 as `docker-compose`; elsewhere only the v2 plugin may exist.
if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
else
  compose=(docker compose)
fi

if ((hz_only)); then
  bash "$root/scripts/offline-images.sh" --no-node
  services=(hz1 hz2)
else
  bash "$root/scripts/offline-images.sh"
  services=(hz1 hz2 node1 node2 node3)
fi

# Whatever happens below, leave no containers or networks behind (unless asked to keep them).
cleanup() {
  local rc=$?
  if ((rc != 0)); then
    echo "compose-smoke: FAILED; last log lines:" >&2
    "${compose[@]}" logs --no-color --tail 30 >&2 || true
  fi
  if ((keep == 0 || rc != 0)); then
    "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  fi
  exit "$rc"
}
trap cleanup EXIT

"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
start="$(now_us)"
"${compose[@]}" up -d "${services[@]}"

# Compose 1.29 has no `up --wait`, so poll each container's health state.
ids=()
for s in "${services[@]}"; do ids+=("$("${compose[@]}" ps -q "$s")"); done
deadline=$(( $(now_us) + timeout_s * 1000000 ))
while :; do
  states="$(docker inspect --format '{{.State.Health.Status}}' "${ids[@]}" | sort -u | tr '\n' ' ')"
  [[ "$states" == "healthy " ]] && break
  if [[ "$states" == *unhealthy* ]] || (( $(now_us) > deadline )); then
    echo "compose-smoke: not healthy after $(since "$start")s: $states" >&2
    exit 1
  fi
  sleep 0.5
done
echo "compose-smoke: ${services[*]} healthy $(since "$start")s after \`up\`"

# The member REST API is not published; its address on the project network is.
hz1_ip="$(docker inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "${ids[0]}")"
members="$(curl -fsS --max-time 5 "http://$hz1_ip:5701/hazelcast/rest/cluster" | grep -o '"address"' | wc -l)"
echo "compose-smoke: Hazelcast cluster has $members members"
[[ "$members" == 2 ]] || { echo "compose-smoke: expected 2 members" >&2; exit 1; }

if ((hz_only == 0)); then
  for port in 8080 8081 8082; do
    code="$(curl -sS --max-time 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/hazelcast/rest/maps/running-jobs")"
    echo "compose-smoke: 127.0.0.1:$port running-jobs -> $code"
    [[ "$code" == 200 ]] || exit 1
  done
  # One job submitted through node1 must be visible through node3: the state is in Hazelcast.
  job='{"env":{"job.mode":"BATCH","job.name":"compose-smoke"},"source":[{"plugin_name":"FakeSource","plugin_output":"fake","row.num":10,"schema":{"fields":{"name":"string"}}}],"sink":[{"plugin_name":"Console","plugin_input":["fake"]}]}'
  job_id="$(curl -fsS --max-time 10 -H 'Content-Type: application/json' -d "$job" \
    "http://127.0.0.1:8080/hazelcast/rest/maps/submit-job" | grep -o '"jobId":"[0-9]*"' | grep -o '[0-9]\+')"
  curl -fsS --max-time 5 "http://127.0.0.1:8082/hazelcast/rest/maps/job-info/$job_id" | grep -q "\"$job_id\"" \
    || { echo "compose-smoke: job $job_id submitted on node1 not visible on node3" >&2; exit 1; }
  workers="$(curl -fsS --max-time 5 "http://127.0.0.1:8081/hazelcast/rest/maps/overview" | grep -o '"workers":"[0-9]*"' | grep -o '[0-9]\+')"
  echo "compose-smoke: job $job_id visible on node3; overview reports $workers workers"
  [[ "$workers" == 3 ]] || { echo "compose-smoke: expected 3 workers" >&2; exit 1; }
fi

if ((keep == 0)); then
  down_start="$(now_us)"
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1
  echo "compose-smoke: down in $(since "$down_start")s"
fi
echo "compose-smoke: OK in $(since "$start")s"
