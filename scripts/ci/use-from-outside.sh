#!/usr/bin/env bash
# Uses seatunnel-sim the way another project would, from a scratch folder outside the repository:
# packs the five packages (scripts/release/pack.sh), installs the tarballs into a copy of
# examples/npm, and there runs
#   cli-memory     npx seatunnel-sim up --store memory: submit on node 1, FINISHED on node 2
#   cli-hazelcast  npx seatunnel-sim up (Java 17; the jar comes from Maven Central into ~/.cache)
#   python         examples/python's unittest against a cluster it starts with npx seatunnel-sim up
#   openapi        docs/openapi/*.json are current; the installed server's documents are valid
#                  OpenAPI 3.1 (@seriousme/openapi-schema-validator) and real nodes' answers
#                  conform to them (ajv), /openapi.json at the root and under a context path
#   testcontainers examples/npm's node --test: @seatunnel-sim/testcontainers with the images of
#                  scripts/offline-images.sh (read from .env), so run it after that script
# Each step prints its figures (tarball sizes, install and start-up times). Nothing is skipped: a
# step that cannot run fails. Idempotent: a new scratch folder every run, removed at the end, and
# every process started here is stopped (also on failure).
#
# Usage: bash scripts/ci/use-from-outside.sh [step...]   (default: every step, in the order above)
# Ports: REST 30100-30131 and 30200-30211, Hazelcast 30260-30269.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
all_steps=(cli-memory cli-hazelcast python openapi testcontainers)
steps=("${@:-${all_steps[@]}}")

scratch="$(mktemp -d "${TMPDIR:-/tmp}/seatunnel-sim-outside.XXXXXX")"
project="$scratch/project"
groups=()

say() { printf 'outside: %s\n' "$*"; }
now_ms() { local t="$EPOCHREALTIME"; t="${t//[!0-9]/}"; echo "${t:0:-3}"; }
since() { local d=$(( $(now_ms) - $1 )); printf '%d.%d s' $((d / 1000)) $((d % 1000 / 100)); }

cleanup() {
  local code=$?
  local group
  for group in "${groups[@]}"; do kill -TERM -- "-$group" 2>/dev/null || true; done
  for group in "${groups[@]}"; do
    for _ in $(seq 1 40); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$group" 2>/dev/null || true
  done
  if ((code != 0)); then
    say "FAILED (exit $code); logs:"
    find "$scratch" -maxdepth 3 -name '*.log' -not -path '*/node_modules/*' -print -exec tail -n 20 {} \; 2>/dev/null || true
  fi
  rm -rf "$scratch"
  exit "$code"
}
trap cleanup EXIT

# GET url → body on stdout; fails on anything but 200.
get() { curl -sS --fail-with-body --max-time 10 "$1"; }

wait_answers() { # url seconds
  local deadline=$(( $(now_ms) + $2 * 1000 ))
  until curl -sf --max-time 2 "$1/overview" >/dev/null; do
    (( $(now_ms) < deadline )) || { say "$1 did not answer within $2 s"; return 1; }
    sleep 0.3
  done
}

# Submits a 100-row batch job on one node and waits for FINISHED on the other (v2 paths).
job_across_nodes() { # submit_url read_url
  local body job_id info start
  start="$(now_ms)"
  body='{"env":{"job.mode":"BATCH"},"source":[{"plugin_name":"FakeSource","plugin_output":"fake","row.num":100,"schema":{"fields":{"name":"string","age":"int"}}}],"sink":[{"plugin_name":"Console","plugin_input":["fake"]}]}'
  job_id="$(curl -sS --fail-with-body -X POST -H 'Content-Type: application/json' -d "$body" "$1/submit-job?jobName=outside" | sed -n 's/.*"jobId":"\([0-9]*\)".*/\1/p')"
  [[ -n "$job_id" ]] || { say "submit on $1 gave no jobId"; return 1; }
  for _ in $(seq 1 60); do
    info="$(get "$2/job-info/$job_id")"
    [[ "$info" == *'"jobStatus":"FINISHED"'* ]] && break
    sleep 0.5
  done
  [[ "$info" == *'"jobStatus":"FINISHED"'* && "$info" == *'"SinkWriteCount":"100"'* ]] || { say "job $job_id on $2: $info"; return 1; }
  say "job $job_id submitted on $1, FINISHED with 100 rows on $2 after $(since "$start")"
}

# Starts `npx seatunnel-sim up …` in its own process group (so it and its children stop together).
start_up() { # log args...
  local log="$1"; shift
  (cd "$project" && exec setsid npx seatunnel-sim up "$@" >"$log" 2>&1) &
  groups+=("$!")
}

stop_last_up() {
  local group="${groups[-1]}"
  kill -TERM -- "-$group" 2>/dev/null || true
  for _ in $(seq 1 80); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.25; done
  kill -0 -- "-$group" 2>/dev/null && { say "cluster (group $group) still running 20 s after SIGTERM"; return 1; }
  unset 'groups[-1]'
}

install_packages() {
  say "scratch project: $project"
  bash "$root/scripts/release/pack.sh" "$scratch/packages" | sed 's/^/outside: /'
  mkdir -p "$project"
  cp -R "$root/examples/npm/." "$project/"
  local start
  start="$(now_ms)"
  (cd "$project" && npm install --no-audit --no-fund --loglevel=error --save-dev "$scratch"/packages/seatunnel-sim-*.tgz >/dev/null)
  say "npm install of the 5 tarballs (and their dependencies) took $(since "$start"); node_modules $(du -sh "$project/node_modules" | cut -f1)"
  [[ -x "$project/node_modules/.bin/seatunnel-sim" ]] || { say "no seatunnel-sim bin after install"; return 1; }
}

step_cli_memory() {
  local start
  start="$(now_ms)"
  start_up "$scratch/up-memory.log" --store memory --nodes 2 --port 30100 --log-dir "$scratch/logs-memory"
  wait_answers http://127.0.0.1:30100 60
  wait_answers http://127.0.0.1:30101 10
  say "npx seatunnel-sim up --store memory: 2 nodes answer after $(since "$start")"
  get http://127.0.0.1:30101/overview | grep -q '"workers":"2"'
  job_across_nodes http://127.0.0.1:30100 http://127.0.0.1:30101
  stop_last_up
}

step_cli_hazelcast() {
  local start
  start="$(now_ms)"
  start_up "$scratch/up-hazelcast.log" --nodes 2 --port 30110 --hz-port 30260 --log-dir "$scratch/logs-hazelcast"
  wait_answers http://127.0.0.1:30110 180
  wait_answers http://127.0.0.1:30111 10
  say "npx seatunnel-sim up (Hazelcast member + 2 node processes): answers after $(since "$start") (jar: ${XDG_CACHE_HOME:-$HOME/.cache}/seatunnel-sim/hazelcast)"
  job_across_nodes http://127.0.0.1:30110 http://127.0.0.1:30111
  stop_last_up
}

step_python() {
  command -v python3 >/dev/null || { say "python3 is required"; return 1; }
  cp -R "$root/examples/python" "$project/python"
  local start
  start="$(now_ms)"
  (cd "$project" && SEATUNNEL_SIM_UP="npx seatunnel-sim up" SEATUNNEL_SIM_EXAMPLE_PORT=30120 python3 -m unittest discover -s python -v 2>&1) | sed 's/^/outside: python: /'
  say "python example ($(python3 --version)): passed in $(since "$start")"
}

step_openapi() {
  # Stale when an endpoint or profile changed without `node scripts/openapi/write-docs.mjs`.
  (cd "$root" && node scripts/openapi/write-docs.mjs --check 2>&1) | sed 's/^/outside: /'
  # The checkers are this step's own: installed in the scratch project, never in the repository.
  (cd "$project" && npm install --no-audit --no-fund --loglevel=error --save-dev ajv@^8.17 @seriousme/openapi-schema-validator@^2.11 >/dev/null)
  cp "$root/scripts/openapi/conformance.mjs" "$project/"
  (cd "$project" && node conformance.mjs "$root/docs/openapi" 30200) | sed 's/^/outside: /'
}

step_testcontainers() {
  [[ -f "$root/.env" ]] || { say "no .env: run scripts/offline-images.sh first (it builds the images and names them there)"; return 1; }
  docker info >/dev/null 2>&1 || { say "Docker is required"; return 1; }
  local start
  start="$(now_ms)"
  (cd "$project" && set -a && . "$root/.env" && set +a && TESTCONTAINERS_RYUK_DISABLED=true node --test 2>&1) | sed 's/^/outside: testcontainers: /'
  say "@seatunnel-sim/testcontainers from the tarball: 1 member + 2 nodes, job across nodes, in $(since "$start")"
}

needs_install=0
for step in "${steps[@]}"; do
  case "$step" in
    cli-memory | cli-hazelcast | python | openapi | testcontainers) needs_install=1 ;;
    *) say "unknown step $step (steps: ${all_steps[*]})"; exit 2 ;;
  esac
done
((needs_install == 0)) || install_packages
for step in "${steps[@]}"; do
  say "--- $step"
  "step_${step//-/_}"
done
say "all passed: ${steps[*]}"
