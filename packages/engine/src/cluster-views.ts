/** What the overview needs to know about one live node. */
export interface WorkerSlots {
  tags: Record<string, string>;
  /** Fixed slots (`dynamic-slot: false`) have a size; dynamic ones exist only while used. */
  slots: { total: number; dynamic: boolean };
  /** Slots held by jobs on this node right now. */
  inUse: number;
}

export interface OverviewCounts {
  runningJobs: number;
  finishedJobs: number;
  failedJobs: number;
  cancelledJobs: number;
  /** Jobs waiting in the pending queue (WAIT strategy). */
  pendingJobs: number;
}

/** What the overview says of the release (zeta.version.properties), and whether it counts pending jobs (2.3.13, #9902). */
export interface OverviewRelease {
  projectVersion: string;
  gitCommitAbbrev: string;
  pendingJobs: boolean;
}

const DEFAULT_RELEASE: OverviewRelease = { projectVersion: '2.3.9', gitCommitAbbrev: 'DeadD0d0', pendingJobs: false };

/** A worker matches a tag filter when every pair equals one of its attributes (so an untagged worker never matches a non-empty filter). */
export function matchesTags(workerTags: Record<string, string>, filter: Record<string, string>): boolean {
  return Object.entries(filter).every(([key, value]) => Object.hasOwn(workerTags, key) && workerTags[key] === value);
}

/**
 * GET /overview: every value a string, keys in SeaTunnel's order. The tag filter narrows the
 * workers and their slots; job counters are always cluster-wide. Fixed slots count `slot-num`
 * per worker; dynamic slots have no free pool, so their total is what is in use.
 */
export function overviewView(
  workers: readonly WorkerSlots[],
  counts: OverviewCounts,
  filter: Record<string, string>,
  release: OverviewRelease = DEFAULT_RELEASE,
): Record<string, string> {
  let totalSlot = 0;
  let unassignedSlot = 0;
  let matched = 0;
  for (const worker of workers) {
    if (!matchesTags(worker.tags, filter)) continue;
    matched++;
    if (worker.slots.dynamic) totalSlot += worker.inUse;
    else {
      totalSlot += worker.slots.total;
      unassignedSlot += Math.max(0, worker.slots.total - worker.inUse);
    }
  }
  // OverviewInfo's field order; pendingJobs (a field between failedJobs and cancelledJobs) is not filtered by tags.
  return {
    projectVersion: release.projectVersion,
    gitCommitAbbrev: release.gitCommitAbbrev,
    totalSlot: String(totalSlot),
    unassignedSlot: String(unassignedSlot),
    runningJobs: String(counts.runningJobs),
    finishedJobs: String(counts.finishedJobs),
    failedJobs: String(counts.failedJobs),
    ...(release.pendingJobs ? { pendingJobs: String(counts.pendingJobs) } : {}),
    cancelledJobs: String(counts.cancelledJobs),
    workers: String(matched),
  };
}

/** One member as Hazelcast's `/hazelcast/rest/cluster` lists it. */
export interface ClusterMember {
  host: string;
  port: number;
  uuid: string;
  local: boolean;
}


/**
 * Hazelcast's native `/hazelcast/rest/cluster` answer, which scripts poll to wait for cluster
 * formation. `connectionCount` counts client connections; `allConnectionCount` adds the
 * member-to-member connections (every other member, a full mesh).
 */
export function clusterMembersView(members: readonly ClusterMember[], clientConnections: number, memberVersion = '5.1.0'): unknown {
  return {
    members: members.map((m) => ({
      address: `[${m.host}]:${m.port}`,
      liteMember: false,
      localMember: m.local,
      uuid: m.uuid,
      memberVersion,
    })),
    connectionCount: clientConnections,
    allConnectionCount: clientConnections + Math.max(0, members.length - 1),
  };
}
