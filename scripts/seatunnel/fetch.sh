#!/usr/bin/env bash
# Fetches a real Apache SeaTunnel (Zeta) engine from Maven Central into the git-ignored cache and
# lays it out as a SEATUNNEL_HOME:
#   .cache/seatunnel-<version>/lib/          engine jars (scripts/seatunnel/pom.xml, transitive)
#   .cache/seatunnel-<version>/connectors/   connector-fake, connector-console (non-transitive),
#                                            seatunnel-transforms-v2 + plugin-mapping.properties naming them
# Idempotent: a second run finds the finished home and does nothing. Only 2.3.8 is known to work
# (later versions are incomplete on Maven Central).
set -euo pipefail
version="${SEATUNNEL_VERSION:-2.3.8}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
home="$root/.cache/seatunnel-$version"
marker="$home/.complete"
# The marker names the version and the pom it was fetched with: editing the pom refetches.
stamp="seatunnel $version, pom+fetch sha256 $(cat "$root/scripts/seatunnel/pom.xml" "$0" | sha256sum | cut -d' ' -f1)"
if [[ -f "$marker" && "$(head -n 1 "$marker")" == "$stamp" ]]; then
  echo "seatunnel: $home already present"
  exit 0
fi
command -v mvn >/dev/null || { echo "seatunnel: mvn not found; install Maven (Java 17 + Maven are required)" >&2; exit 1; }

# Build the home next to its final place and move it in at the end, so an interrupted fetch never
# leaves a half-filled home that a later run would take for complete.
staging="$root/.cache/seatunnel-$version.partial.$$"
trap 'rm -rf "$staging"' EXIT
rm -rf "$staging"
mkdir -p "$staging/lib" "$staging/connectors"

echo "seatunnel: fetching the SeaTunnel $version engine, connector-fake and connector-console with Maven"
# Maven's output is kept for a failure only (Debian's Maven 3.8 prints colour codes even with -B -q).
if ! mvn -q -B -f "$root/scripts/seatunnel/pom.xml" dependency:copy-dependencies@lib dependency:copy@connectors \
    -Dseatunnel.version="$version" -Dseatunnel.home="$staging" > "$staging/mvn.log" 2>&1; then
  sed -e 's/\x1b\[[0-9;]*m//g' "$staging/mvn.log" >&2
  echo "seatunnel: Maven could not fetch SeaTunnel $version (see above)" >&2
  exit 1
fi
rm -f "$staging/mvn.log"

# SeaTunnel's own distribution keeps the transforms next to the connectors (up to 2.3.11), found
# through the mapping like any connector; an unknown transform name is then refused the same way.
mv "$staging/lib/seatunnel-transforms-v2-$version.jar" "$staging/connectors/"

# How SeaTunnel finds a connector jar (connectors/<name>-<version>.jar) for a plugin name: the
# installed ones only, so every other name is refused as on an engine without that connector.
{
  echo "seatunnel.source.FakeSource = connector-fake"
  echo "seatunnel.sink.Console = connector-console"
  for transform in Sql FieldMapper Filter FilterRowKind JsonPath Replace Split Copy DynamicCompile LLM Embedding; do
    echo "seatunnel.transform.$transform = seatunnel-transforms-v2"
  done
} > "$staging/connectors/plugin-mapping.properties"

for jar in "$staging/lib/seatunnel-engine-server-$version.jar" \
           "$staging/connectors/connector-fake-$version.jar" "$staging/connectors/connector-console-$version.jar"; do
  [[ -s "$jar" ]] || { echo "seatunnel: $jar missing after the Maven fetch" >&2; exit 1; }
done
{ echo "$stamp"; (cd "$staging" && ls lib connectors); } > "$staging/.complete"
rm -rf "$home"
mv "$staging" "$home"
trap - EXIT
echo "seatunnel: $home ($(du -sh "$home" | cut -f1), $(ls "$home/lib" | wc -l) jars in lib/)"
