#!/usr/bin/env bash
# Runs examples/java (Maven, JUnit 5, Testcontainers for Java) against the images that
# scripts/offline-images.sh built: one Hazelcast member and two node containers on a network of
# their own; a job submitted through REST v2 on node 1 must be FINISHED with 100 rows on node 2, and
# an unknown plugin must get SeaTunnel's 500. Run it after scripts/offline-images.sh.
#
# Fails (never skips) when Maven, Java 17+, a Docker engine or either image is missing. Images come
# from HAZELCAST_IMAGE / SEATUNNEL_SIM_IMAGE in the environment, else from the repository's .env.
# Ryuk (Testcontainers' reaper image) cannot be pulled here, so it is disabled and this script
# removes whatever containers and network the run left (they carry a label with this run's id),
# also on failure or Ctrl-C.
#
# Usage: bash scripts/ci/java-example.sh [extra mvn arguments, e.g. -Dmaven.repo.local=/tmp/m2]
# Prints the time of the Maven run (the first run on a machine also downloads the dependencies
# into ~/.m2) and closes with "java-example: N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
project="$root/examples/java"

say() { printf 'java-example: %s\n' "$*"; }
fail() { say "$*" >&2; exit 1; }
now_ms() { local t="$EPOCHREALTIME"; t="${t//[!0-9]/}"; echo "${t:0:-3}"; }
since() { local d=$(( $(now_ms) - $1 )); printf '%d.%d s' $((d / 1000)) $((d % 1000 / 100)); }

command -v mvn >/dev/null 2>&1 || fail "mvn not found (apt-get install maven)"
command -v java >/dev/null 2>&1 || fail "java not found (Java 17 or newer)"
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if ! [[ "$java_major" =~ ^[0-9]+$ ]] || ((java_major < 17)); then
  fail "Java 17 or newer needed, found '${java_major:-?}'"
fi
command -v docker >/dev/null 2>&1 || fail "docker not found (bash scripts/docker/ensure-docker.sh installs it)"
docker info >/dev/null 2>&1 || fail "no Docker engine answers (bash scripts/docker/ensure-docker.sh starts one)"

# KEY from .env, without sourcing it: only the line's value, quotes stripped.
from_env_file() {
  [[ -f "$root/.env" ]] || return 0
  sed -n "s/^$1=//p" "$root/.env" | tail -n 1 | sed -e 's/^["'\'']//' -e 's/["'\'']$//'
}
hazelcast_image="${HAZELCAST_IMAGE:-$(from_env_file HAZELCAST_IMAGE)}"
node_image="${SEATUNNEL_SIM_IMAGE:-$(from_env_file SEATUNNEL_SIM_IMAGE)}"
[[ -n "$hazelcast_image" && -n "$node_image" ]] ||
  fail "HAZELCAST_IMAGE / SEATUNNEL_SIM_IMAGE not set and not in .env: run bash scripts/offline-images.sh first"
for image in "$hazelcast_image" "$node_image"; do
  docker image inspect "$image" >/dev/null 2>&1 || fail "image $image is missing: run bash scripts/offline-images.sh first"
done
say "images $hazelcast_image, $node_image; $(java -version 2>&1 | head -n 1); $(mvn -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"

run_id="$(date +%s)-$$"
label="org.seatunnel-sim.java-example=$run_id"
cleanup() {
  local code=$? ids
  ids="$(docker ps -aq --filter "label=$label")"
  if [[ -n "$ids" ]]; then
    say "removing containers left by this run: $(echo "$ids" | tr '\n' ' ')"
    # shellcheck disable=SC2086 # one id per word
    docker rm -f $ids >/dev/null 2>&1 || true # the JVM's shutdown hook may be removing them too
  fi
  ids="$(docker network ls -q --filter "label=$label")"
  # shellcheck disable=SC2086
  [[ -z "$ids" ]] || docker network rm $ids >/dev/null 2>&1 || true
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A run killed outright (SIGKILL, a lost shell) cannot clean up; its label names its pid, so the
# next run removes what belongs to a pid that is gone.
docker ps -a --filter "label=org.seatunnel-sim.java-example" \
  --format '{{.ID}} {{.Label "org.seatunnel-sim.java-example"}}' | while read -r id value; do
  pid="${value##*-}"
  if [[ "$pid" =~ ^[0-9]+$ ]] && ! kill -0 "$pid" 2>/dev/null; then
    say "removing container $id left by an earlier run ($value)"
    docker rm -f "$id" >/dev/null || true
  fi
done
docker network ls --filter "label=org.seatunnel-sim.java-example" \
  --format '{{.ID}} {{.Label "org.seatunnel-sim.java-example"}}' | while read -r id value; do
  pid="${value##*-}"
  if [[ "$pid" =~ ^[0-9]+$ ]] && ! kill -0 "$pid" 2>/dev/null; then docker network rm "$id" >/dev/null || true; fi
done

# Testcontainers for Java, when it finds /.dockerenv (this machine is itself a container), looks
# for the Docker host's address by running alpine:3.17, which cannot be pulled here (it retried for
# 2 minutes, then failed). The engine is this machine's own (a unix socket), so the containers'
# published ports are on localhost; a remote DOCKER_HOST is left to Testcontainers.
if [[ -z "${TESTCONTAINERS_HOST_OVERRIDE:-}" && ( -z "${DOCKER_HOST:-}" || "${DOCKER_HOST}" == unix://* ) ]]; then
  export TESTCONTAINERS_HOST_OVERRIDE=localhost
fi

reports="$project/target/surefire-reports"
rm -rf "$reports"
m2_cached=no
[[ -d "${HOME}/.m2/repository/org/testcontainers/testcontainers" ]] && m2_cached=yes
say "mvn -q -B test in examples/java (Testcontainers already in ~/.m2: $m2_cached)"
start="$(now_ms)"
status=0
(
  cd "$project"
  TESTCONTAINERS_RYUK_DISABLED=true HAZELCAST_IMAGE="$hazelcast_image" SEATUNNEL_SIM_IMAGE="$node_image" \
    mvn -q -B -Dstyle.color=never test \
    -Dseatunnel.sim.hazelcastImage="$hazelcast_image" \
    -Dseatunnel.sim.nodeImage="$node_image" \
    -Dseatunnel.sim.memberConfig="$root/config/hazelcast-member.yaml" \
    -Dseatunnel.sim.label="$run_id" \
    "$@"
) 2>&1 | sed -u 's/\x1b\[0m//g' || status=$? # Maven 3.8's jansi writes stray colour resets even with -B -q
took="$(since "$start")"

# Counts from Surefire's XML reports (mvn -q prints no summary of its own).
tests=0 failed=0 skipped=0
shopt -s nullglob
for xml in "$reports"/TEST-*.xml; do
  line="$(grep -m1 -o '<testsuite [^>]*>' "$xml" || true)"
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$line"; }
  tests=$((tests + $(attr tests))); skipped=$((skipped + $(attr skipped)))
  failed=$((failed + $(attr failures) + $(attr errors)))
done
ready="$(cat "$reports"/*-output.txt 2>/dev/null | grep -m1 -o 'cluster (1 member, 2 nodes) ready in [0-9]* ms' || true)"
say "mvn test took $took${ready:+; $ready}"

if ((status != 0 || failed != 0 || tests == 0 || skipped != 0)); then
  for out in "$reports"/*.txt; do
    say "--- tail of $out"
    tail -n 40 "$out"
  done
  ((tests > 0)) || say "no test ran"
  ((skipped == 0)) || say "$skipped test(s) skipped: nothing here may be skipped"
  say "FAILED (mvn exit $status)"
  echo "java-example: $((tests - failed - skipped)) passed, $failed failed"
  exit 1
fi
echo "java-example: $tests passed, 0 failed"
