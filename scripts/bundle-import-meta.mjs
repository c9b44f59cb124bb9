// Injected into the CommonJS bundle (scripts/bundle-node.mjs) for `import.meta.url`, which a
// CommonJS file has not: the code finds files relative to it, and local-cluster starts node
// processes from it, so it names the launcher beside the bundle (seatunnel-sim.mjs).
export const bundleImportMetaUrl = require('node:url').pathToFileURL(__filename.replace(/\.cjs$/, '.mjs')).href;
