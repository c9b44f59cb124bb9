import type { JobRecord } from './job-record.js';
import { holdersByNode, workerSlots, type PendingWorker } from './pending-queue.js';
import { arr, bool, gsonWrite, num, obj, optional, str, stringMap, type GsonTree } from './views/gson.js';

/**
 * GET /resource/workers (3.0, apache/seatunnel#11909): the resource manager's view of every
 * registered worker, as PendingDiagnosticsCollector.collectWorkerResourceSnapshot builds it.
 * What a worker reports comes from its heartbeat (DefaultSlotService.getWorkerProfile): the node
 * resource is `ResourceProfile(CPU.of(0), Memory.of(maxMemory))` and slots ask for no CPU or
 * memory, so the CPU cores are 0 and the available heap is the whole heap; cpuUsage/memUsage come
 * only with slot-allocate-strategy SYSTEM_LOAD, which the simulator does not model.
 */

/** A live node with its heap limit (the V8 heap stands in for the JVM's `Runtime.maxMemory()`). */
export interface ResourceWorker extends PendingWorker {
  /** null when the node has not published a health sample yet. */
  heapMaxBytes: number | null;
}

/** WorkerResourceDiagnostic, in its field order (Gson's order). */
export interface WorkerResource {
  /** Hazelcast's Address.toString(): `[host]:port`. */
  address: string;
  tags: Record<string, string>;
  /** 0 for dynamic-slot workers, which have no fixed capacity. */
  totalSlots: number;
  freeSlots: number;
  usedSlots: number;
  dynamicSlot: boolean;
  totalCpuCores: number | null;
  availableCpuCores: number | null;
  totalHeapMemoryBytes: number | null;
  availableHeapMemoryBytes: number | null;
  /** Jobs holding slots on the worker, as decimal ids. */
  runningJobIds: string[];
}

export interface WorkerResourceSnapshot {
  /** false while no master can answer (election): clients retry. */
  available: boolean;
  collectedAt: number;
  workers: WorkerResource[];
}

/** The snapshot of `workers` with the slots `holding` takes, sorted by address as SeaTunnel sorts it. */
export function workerResourceSnapshot(workers: readonly ResourceWorker[], holding: readonly JobRecord[], collectedAt: number): WorkerResourceSnapshot {
  const holders = holdersByNode(holding);
  const views = workers.map((worker): WorkerResource => {
    const held = holders.get(worker.nodeId);
    const slots = workerSlots(worker, held?.slots ?? 0);
    return {
      address: `[${worker.host}]:${worker.port}`,
      tags: { ...worker.tags },
      totalSlots: worker.slots.dynamic ? 0 : slots.assigned + slots.unassigned,
      freeSlots: worker.slots.dynamic ? 0 : slots.unassigned,
      usedSlots: slots.assigned,
      dynamicSlot: worker.slots.dynamic,
      totalCpuCores: 0,
      availableCpuCores: 0,
      totalHeapMemoryBytes: worker.heapMaxBytes,
      availableHeapMemoryBytes: worker.heapMaxBytes,
      runningJobIds: [...(held?.jobIds ?? [])],
    };
  });
  // Comparator.comparing(getAddress): String.compareTo, UTF-16 code units, as JavaScript compares.
  views.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return { available: true, collectedAt, workers: views };
}

/** A worker as Gson writes WorkerResourceDiagnostic (null fields left out). */
export function workerResourceTree(w: WorkerResource): GsonTree {
  return obj([
    ['address', str(w.address)],
    ['tags', stringMap(w.tags)],
    ['totalSlots', num(w.totalSlots)],
    ['freeSlots', num(w.freeSlots)],
    ['usedSlots', num(w.usedSlots)],
    ['dynamicSlot', bool(w.dynamicSlot)],
    ['totalCpuCores', optional(w.totalCpuCores, num)],
    ['availableCpuCores', optional(w.availableCpuCores, num)],
    ['totalHeapMemoryBytes', optional(w.totalHeapMemoryBytes, num)],
    ['availableHeapMemoryBytes', optional(w.availableHeapMemoryBytes, num)],
    ['runningJobIds', arr(w.runningJobIds, num)],
  ]);
}

/** The /resource/workers body: `new Gson().toJson(snapshot)`. */
export function workerResourcesJson(snapshot: WorkerResourceSnapshot): string {
  return gsonWrite(
    obj([
      ['available', bool(snapshot.available)],
      ['collectedAt', num(snapshot.collectedAt)],
      ['workers', arr(snapshot.workers, workerResourceTree)],
    ]),
    false,
  );
}
