import { setFlagsFromString } from 'node:v8';

/**
 * The old generation grows by at most 20 % over what survived the last full GC (V8 picks up to 4×
 * when allocation is fast). A node keeps no job state, but a listing of 100 000 jobs allocates
 * ~1 GB of short-lived text and records, and what lives across a few scavenges (pages in flight) is
 * promoted: with V8's own factor the old generation grew to several times what the node keeps
 * before V8 collected it (bench, 30 000 jobs: RSS peaks 237 MB for running-jobs, 251 MB for
 * finished-jobs; 100 000: 560 MB); with 20 %: 147 and 160 MB, listing times within the machine's
 * noise. Process-wide (a V8 flag read at each GC), so set where the process is a node (the `node`
 * command, and the bundle's launcher before it compiles: V8 ties a code cache to the flags), not
 * in startNode, which tests run inside their own process.
 */
export function keepHeapClose(): void {
  setFlagsFromString('--heap-growing-percent=20');
}
