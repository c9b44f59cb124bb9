#!/usr/bin/env node
// The `seatunnel-sim` command. A checked-in shim (not the compiled file) so that `npm ci` can link
// the bin before anything is built; it loads the compiled CLI, or says how to build it.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/bin.js', import.meta.url);
if (!existsSync(compiled)) {
  console.error('seatunnel-sim: not built yet; run `npm run build` in the repository first');
  process.exit(1);
}
await import(compiled.href);
