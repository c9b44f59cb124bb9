#!/usr/bin/env bash
# Builds the images docker-compose.yml needs without any container registry (none is reachable
# here, so nothing can be pulled, not even a base image):
#   seatunnel-sim/debian-base:bookworm  debootstrap minbase + Java 17     (base of the Hazelcast image)
#   seatunnel-sim/debian-slim:bookworm  debootstrap minbase, no Java      (base of the node image)
#   seatunnel-sim/hazelcast:5.6.0       stand-in for hazelcast/hazelcast:5.6.0
#   seatunnel-sim/node:local (+:latest) the simulator node (host's Node 20 + host-built workspace)
# and points compose at them through .env. Idempotent: rootfs tarballs are cached in .cache/docker,
# base images are re-imported only when their package list changes, the others are rebuilt only
# when their build context changes (a fingerprint label on the image), so a second run takes seconds.
#
# Usage: bash scripts/offline-images.sh [--no-node]
#   --no-node  skip the node image (e.g. before `npm ci && npm run build` has run); without it the
#              script exits 3 when the workspace is not built yet (everything else is still built)
# Env: DEBIAN_MIRROR (http://deb.debian.org/debian), HAZELCAST_VERSION (5.6.0)
# The step functions run through `timed "label" fn`, which shellcheck cannot follow.
# shellcheck disable=SC2317
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.cache/docker"
logs="$cache/logs"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite=bookworm
hz_version="${HAZELCAST_VERSION:-5.6.0}"

base_image="seatunnel-sim/debian-base:$suite"
slim_image="seatunnel-sim/debian-slim:$suite"
hz_image="seatunnel-sim/hazelcast:$hz_version"
node_image="seatunnel-sim/node:local"

build_node=1
for arg in "$@"; do
  case "$arg" in
    --no-node) build_node=0 ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "offline-images: unknown argument $arg" >&2; exit 2 ;;
  esac
done

# Debian's docker.io has no buildx plugin; the legacy builder needs none, and it resolves FROM
# against local images without trying a registry (BuildKit would, for some Dockerfile features).
export DOCKER_BUILDKIT=0

mkdir -p "$cache" "$logs"
timings=()

# Microseconds since the epoch, from bash itself (no date/bc round trips).
now_us() { local t="$EPOCHREALTIME"; echo "${t//[!0-9]/}"; }
seconds_since() { # start_us -> "12.3"
  local d=$(( ($(now_us) - $1) / 100000 ))
  printf '%d.%d' $((d / 10)) $((d % 10))
}
script_start="$(now_us)"

# Runs a step and records how long it took, so slow (cold) and fast (cached) runs are visible.
# Called plainly (never under if/||), so set -e still aborts on the first failing command inside.
timed() {
  local label="$1"; shift
  local start
  start="$(now_us)"
  "$@"
  local took
  took="$(seconds_since "$start")"
  timings+=("$(printf '%-30s %6ss' "$label" "$took")")
  echo "offline-images: $label done in ${took}s"
}

# Build output is long; keep it in a log and show its tail only when something fails.
run_logged() {
  local log="$1"; shift
  if ! "$@" >"$log" 2>&1; then
    echo "offline-images: command failed: $*  (full log: $log)" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
}

image_label() { # image label -> value, empty when the image or label is missing
  docker image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true
}

# Updates KEY=VALUE in the repo's .env (read by docker-compose), keeping any other lines.
set_env() {
  local key="$1" value="$2" file="$root/.env"
  touch "$file"
  local tmp
  tmp="$(mktemp "$file.XXXXXX")"
  grep -v "^$key=" "$file" >"$tmp" || true
  echo "$key=$value" >>"$tmp"
  mv "$tmp" "$file"
}

# A debootstrap'ed dir has /proc and /sys mounted while packages configure; if we are interrupted
# they may still be mounted, and a plain rm -rf would walk into them.
remove_rootfs_dir() {
  local dir="$1"
  [[ -d "$dir" ]] || return 0
  awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r umount -l || true
  rm -rf --one-file-system "$dir"
}

# Fingerprint of a build context plus the base image it builds on: names, modes, link targets and
# contents. Docker's own layer cache would also notice "unchanged", but only after the legacy
# builder has sent and checksummed the whole context (~120 MB for the node image, several seconds).
context_hash() {
  local ctx="$1" base="$2"
  {
    docker image inspect --format '{{.Id}}' "$base"
    (cd "$ctx" && find . -printf '%y %m %p %l\n' | LC_ALL=C sort)
    (cd "$ctx" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -c1-16
}

# Builds ctx (holding its Dockerfile) into image on top of base, unless the image was already
# built from exactly this context and base. Sets image_rebuilt=1 when it did build.
image_rebuilt=0
build_context() {
  local image="$1" ctx="$2" base="$3" log="$4" hash
  hash="$(context_hash "$ctx" "$base")"
  image_rebuilt=0
  if [[ "$(image_label "$image" org.seatunnel-sim.context)" == "$hash" ]]; then
    echo "offline-images: $image up to date (context $hash)"
    return 0
  fi
  run_logged "$log" docker build --build-arg BASE_IMAGE="$base" --label "org.seatunnel-sim.context=$hash" -t "$image" "$ctx"
  image_rebuilt=1
  echo "offline-images: built $image (context $hash)"
}

# debootstrap -> tarball (cached) -> docker import. The key covers everything that changes the
# rootfs, so editing the package list produces a new tarball and a re-import, nothing else does.
rootfs_image() {
  local image="$1" include="$2"
  local name="${image#seatunnel-sim/}"; name="${name%%:*}"
  local key
  key="$(printf '%s\n' rootfs-v1 "$suite" minbase "$include" "$mirror" | sha256sum | cut -c1-12)"
  if [[ "$(image_label "$image" org.seatunnel-sim.rootfs)" == "$key" ]]; then
    echo "offline-images: $image up to date (rootfs $key)"
    return 0
  fi
  local tarball="$cache/rootfs-$name-$suite-$key.tar"
  if [[ ! -s "$tarball" ]]; then
    local dir="$cache/rootfs-$name.tmp"
    remove_rootfs_dir "$dir"
    # shellcheck disable=SC2064 # expand now: $dir is local to this function
    trap "remove_rootfs_dir '$dir'" EXIT
    mkdir -p "$cache/debs"
    echo "offline-images: debootstrap $suite ($include) for $image; this takes a minute or two"
    # --cache-dir keeps the .debs, so the second rootfs (and any rebuild) downloads almost nothing.
    run_logged "$logs/debootstrap-$name.log" \
      debootstrap --variant=minbase --include="$include" --cache-dir="$cache/debs" "$suite" "$dir" "$mirror"
    # Package lists and downloaded archives are dead weight in an image that never runs apt.
    rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/archives/*.deb "$dir"/var/cache/apt/*.bin
    tar --numeric-owner -C "$dir" -cf "$tarball.partial" .
    mv "$tarball.partial" "$tarball"
    remove_rootfs_dir "$dir"
    trap - EXIT
    # Older tarballs of this image are superseded by the new key.
    find "$cache" -maxdepth 1 -name "rootfs-$name-$suite-*.tar" ! -name "$(basename "$tarball")" -delete
  fi
  echo "offline-images: importing $tarball as $image"
  docker import \
    --change "LABEL org.seatunnel-sim.rootfs=$key" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["bash"]' \
    "$tarball" "$image" >/dev/null
}

# The context holds exactly the five files the image needs; the jar is hard-linked when possible
# (same filesystem), so staging costs nothing even though it runs every time.
hazelcast_image() {
  local jar="$root/.cache/hazelcast/hazelcast-$hz_version.jar"
  local extension="$root/.cache/hazelcast/seatunnel-sim-member.jar"
  # fetch.sh also (re)builds the extension jar when its sources changed.
  HAZELCAST_VERSION="$hz_version" bash "$root/scripts/hazelcast/fetch.sh"
  [[ -s "$extension" ]] || { echo "offline-images: $extension missing (a JDK is needed to build it)" >&2; return 1; }
  local ctx="$cache/ctx-hazelcast"
  rm -rf "$ctx"; mkdir -p "$ctx"
  ln "$jar" "$ctx/hazelcast.jar" 2>/dev/null || cp "$jar" "$ctx/hazelcast.jar"
  cp "$extension" "$ctx/seatunnel-sim-member.jar"
  cp "$root/config/hazelcast-member.yaml" "$ctx/"
  cp "$root/scripts/hazelcast/member.sh" "$ctx/"
  cp "$root/docker/hazelcast.Dockerfile" "$ctx/Dockerfile"
  build_context "$hz_image" "$ctx" "$base_image" "$logs/build-hazelcast.log"
}

# Sets node_built=1 when the image exists afterwards; an unbuilt workspace is reported, not fatal,
# so that the Hazelcast half is still usable.
node_built=0
node_image() {
  local ctx="$cache/ctx-node" rc=0
  command -v node >/dev/null 2>&1 || { echo "offline-images: no node on the host to copy into the image" >&2; return 1; }
  node "$root/scripts/docker/stage-node-context.mjs" "$root" "$ctx" "$(command -v node)" || rc=$?
  if ((rc == 3)); then
    echo "offline-images: node image NOT built: the workspace is not built (run \`npm ci && npm run build\`, or pass --no-node)" >&2
    return 0
  fi
  ((rc == 0)) || return "$rc"
  build_context "$node_image" "$ctx" "$slim_image" "$logs/build-node.log"
  # :latest is what docker-compose.yml and the testcontainers helper fall back to without .env.
  docker tag "$node_image" "${node_image%:*}:latest"
  # Only a new image needs the smoke test: does the copied binary run on the base's glibc, and
  # does the staged workspace load?
  if ((image_rebuilt)); then
    echo "offline-images: $node_image runs node $(docker run --rm "$node_image" node --version)"
    docker run --rm "$node_image" node packages/cli/dist/src/bin.js node --help >/dev/null
  fi
  node_built=1
}

# shellcheck source=scripts/docker/ensure-docker.sh
source "$root/scripts/docker/ensure-docker.sh"
timed "docker engine" ensure_docker
timed "base image (java)" rootfs_image "$base_image" "openjdk-17-jre-headless,ca-certificates"
timed "hazelcast image" hazelcast_image
set_env COMPOSE_PROJECT_NAME seatunnel-sim
set_env HAZELCAST_IMAGE "$hz_image"

status=0
if ((build_node)); then
  timed "slim base image (no java)" rootfs_image "$slim_image" "ca-certificates"
  timed "node image" node_image
  if ((node_built)); then
    set_env SEATUNNEL_SIM_IMAGE "$node_image"
  else
    status=3
  fi
fi

# A rebuild leaves the previous image untagged; drop those, but only images this script built.
docker image prune -f --filter "label=org.seatunnel-sim.context" >/dev/null

echo "offline-images: timings"
printf '  %s\n' "${timings[@]}"
printf '  %-30s %6ss\n' "total" "$(seconds_since "$script_start")"
echo "offline-images: .env -> $(tr '\n' ' ' <"$root/.env")"
exit "$status"
