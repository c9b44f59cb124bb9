// Top self-time functions of a V8 .cpuprofile (as written by `node --cpu-prof`, which
// `npm run bench -- --profile` turns on for the node processes: bench/tmp/profiles/).
// Usage: node bench/dist/profile-top.js FILE.cpuprofile [count]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, countArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-top FILE.cpuprofile [count]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const delta = profile.timeDeltas[i] ?? 0;
  if (!node) return;
  const frame = node.callFrame;
  const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|packages)\//, '$1/')}:${frame.lineNumber + 1}` : '';
  const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + delta);
  total += delta;
});
const idle = (self.get('(idle)') ?? 0) + (self.get('(program)') ?? 0);
console.log(`total ${(total / 1e6).toFixed(2)} s sampled, busy ${((total - (self.get('(idle)') ?? 0)) / 1e6).toFixed(2)} s (idle+program ${(idle / 1e6).toFixed(2)} s)`);
const busy = total - (self.get('(idle)') ?? 0);
for (const [key, micros] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 25))) {
  console.log(`${((micros / busy) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}
