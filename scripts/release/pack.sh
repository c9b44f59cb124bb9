#!/usr/bin/env bash
# Packs the five workspace packages as npm would publish them (engine ← cluster ← server ← cli, and
# testcontainers) into one folder, and prints each tarball's size. Install them anywhere with
#   npm install <dest>/seatunnel-sim-*.tgz
# (all five at once: the CLI's dependencies on engine/cluster/server resolve to the tarballs beside
# it, as they would to the registry's copies).
#
# Usage: bash scripts/release/pack.sh [dest]     (dest defaults to .cache/packages)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$(mkdir -p "${1:-$root/.cache/packages}" && cd "${1:-$root/.cache/packages}" && pwd)"
packages=(engine cluster server cli testcontainers)
cd "$root"

# Only the packages: the test projects' build is no business of a release.
npx tsc -b "${packages[@]/#/packages/}"

# tsc -b never deletes the output of a source file that is gone; a tarball must not ship it.
stale=0
for pkg in "${packages[@]}"; do
  while IFS= read -r js; do
    rel="${js#packages/$pkg/dist/}"
    [[ -f "packages/$pkg/${rel%.js}.ts" ]] || { echo "pack: $js has no source (stale build output; run npm run clean && npm run build)" >&2; stale=1; }
  done < <(find "packages/$pkg/dist/src" -name '*.js')
done
((stale == 0)) || exit 1

rm -f "$dest"/seatunnel-sim-*.tgz
workspaces=()
for pkg in "${packages[@]}"; do workspaces+=(-w "packages/$pkg"); done
# prepack scripts print to stdout; the JSON report goes to a file.
npm pack --silent --json --pack-destination "$dest" "${workspaces[@]}" > "$dest/pack.json"
node -e '
  const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const kb = (n) => (n / 1024).toFixed(1) + " KB";
  for (const p of report) console.log(`pack: ${p.filename.padEnd(40)} ${kb(p.size).padStart(9)} packed, ${kb(p.unpackedSize).padStart(9)} unpacked, ${String(p.entryCount).padStart(3)} files`);
  const total = report.reduce((sum, p) => sum + p.size, 0);
  console.log(`pack: ${report.length} tarballs, ${kb(total)} in all, in ${process.argv[2]}`);
' "$dest/pack.json" "$dest"
