#!/usr/bin/env bash
# Compiles the member-side extension (packages/cluster/member-extension: the job maps' merge policy
# after a network partition) against the Hazelcast jar into .cache/hazelcast/seatunnel-sim-member.jar.
# Rebuilt only when a source file is newer than the jar. Needs a JDK (javac + jar); without one it
# says so and exits 0: members then merge with Hazelcast's PutIfAbsentMergePolicy.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="${HAZELCAST_VERSION:-5.6.0}"
hazelcast_jar="$root/.cache/hazelcast/hazelcast-$version.jar"
sources="$root/packages/cluster/member-extension"
out="$root/.cache/hazelcast/seatunnel-sim-member.jar"

if [[ -s "$out" ]] && [[ -z "$(find "$sources" -name '*.java' -newer "$out")" ]]; then
  echo "hazelcast: $out up to date"
  exit 0
fi
if ! command -v javac >/dev/null || ! command -v jar >/dev/null; then
  echo "hazelcast: no JDK (javac, jar) here: $out not built; after a partition members merge with PutIfAbsentMergePolicy" >&2
  exit 0
fi
[[ -s "$hazelcast_jar" ]] || { echo "hazelcast: $hazelcast_jar missing; run scripts/hazelcast/fetch.sh" >&2; exit 1; }
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
mapfile -t files < <(find "$sources" -name '*.java' | sort)
javac -nowarn --release 17 -cp "$hazelcast_jar" -d "$classes" "${files[@]}"
jar cf "$out.partial" -C "$classes" .
mv "$out.partial" "$out"
echo "hazelcast: built $out"
