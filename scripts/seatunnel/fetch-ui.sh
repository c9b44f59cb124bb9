#!/usr/bin/env bash
# Fetches SeaTunnel's own Web UI (Apache-2.0) into the git-ignored cache: the built Vue app that
# the engine serves from the `ui/` folder of org.apache.seatunnel:seatunnel-engine-server, taken
# from that jar as Maven Central has it:
#   .cache/seatunnel-ui/ui/{index.html,favicon.ico,assets/}
# Every node serves this folder (packages/server/src/http/web-ui.ts; SEATUNNEL_SIM_UI_DIR names
# another). Idempotent: a second run finds the finished folder and does nothing.
# --optional: a machine without Maven or network still starts (the nodes then serve the API alone
# and say so); without it a failed fetch is an error (npm test, CI).
set -euo pipefail
optional=false
[[ "${1:-}" == "--optional" ]] && optional=true
version="${SEATUNNEL_UI_VERSION:-2.3.13}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.cache/seatunnel-ui"
marker="$dest/.complete"
stamp="seatunnel-engine-server $version ui/"

give_up() {
  echo "seatunnel-ui: $1" >&2
  if $optional; then
    echo "seatunnel-ui: continuing without the Web UI (nodes serve the REST API only)" >&2
    exit 0
  fi
  exit 1
}

if [[ -f "$marker" && "$(head -n 1 "$marker")" == "$stamp" && -s "$dest/ui/index.html" ]]; then
  echo "seatunnel-ui: $dest/ui already present"
  exit 0
fi
command -v mvn >/dev/null || give_up "mvn not found; install Maven to fetch the Web UI"

# Filled next to its final place and moved in at the end: an interrupted fetch never leaves a
# half-extracted folder that a later run would take for complete.
staging="$root/.cache/seatunnel-ui.partial.$$"
trap 'rm -rf "$staging"' EXIT
rm -rf "$staging"
mkdir -p "$staging"

echo "seatunnel-ui: fetching org.apache.seatunnel:seatunnel-engine-server:$version with Maven"
if ! mvn -q -B dependency:copy -Dartifact="org.apache.seatunnel:seatunnel-engine-server:$version" \
    -DoutputDirectory="$staging" > "$staging/mvn.log" 2>&1; then
  sed -e 's/\x1b\[[0-9;]*m//g' "$staging/mvn.log" >&2
  give_up "Maven could not fetch seatunnel-engine-server $version (see above)"
fi
jar="$staging/seatunnel-engine-server-$version.jar"
[[ -s "$jar" ]] || give_up "$jar missing after mvn dependency:copy"

# Only the ui/ folder of the jar; unzip where there is one, else the JDK's jar tool.
if command -v unzip >/dev/null; then
  unzip -q "$jar" 'ui/*' -d "$staging"
else
  (cd "$staging" && jar xf "$jar" ui)
fi
[[ -s "$staging/ui/index.html" && -d "$staging/ui/assets" ]] || give_up "the $version jar has no ui/index.html and ui/assets/"
rm -f "$jar" "$staging/mvn.log"
{ echo "$stamp"; (cd "$staging" && find ui -type f | sort); } > "$staging/.complete"
rm -rf "$dest"
mv "$staging" "$dest"
trap - EXIT
echo "seatunnel-ui: $dest/ui ($(find "$dest/ui" -type f | wc -l) files, $(du -sh "$dest/ui" | cut -f1))"
