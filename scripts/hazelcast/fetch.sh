#!/usr/bin/env bash
# Fetches the Hazelcast member jar from Maven Central into the git-ignored .cache/hazelcast.
# Idempotent: a second run finds the jar and does nothing. Then builds the member extension
# (scripts/hazelcast/build-extension.sh), which members put on their classpath when it is there.
set -euo pipefail
version="${HAZELCAST_VERSION:-5.6.0}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.cache/hazelcast"
jar="$dest/hazelcast-$version.jar"
if [[ -s "$jar" ]]; then
  echo "hazelcast: $jar already present"
  exec bash "$root/scripts/hazelcast/build-extension.sh"
fi
command -v mvn >/dev/null || { echo "hazelcast: mvn not found; install Maven (Java 17 + Maven are required)" >&2; exit 1; }
mkdir -p "$dest"
echo "hazelcast: fetching com.hazelcast:hazelcast:$version with Maven"
mvn -q -B dependency:copy -Dartifact="com.hazelcast:hazelcast:$version" -DoutputDirectory="$dest" -Dmdep.overWriteIfNewer=true
[[ -s "$jar" ]] || { echo "hazelcast: $jar missing after mvn dependency:copy" >&2; exit 1; }
echo "hazelcast: $jar"
exec bash "$root/scripts/hazelcast/build-extension.sh"
