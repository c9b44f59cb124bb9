/** IMap names; configured (backups, indexes, TTL) in config/hazelcast-member.yaml. */
export const MAPS = {
  runningJobs: 'sim_running_jobs',
  finishedJobs: 'sim_finished_jobs',
  nodes: 'sim_nodes',
  cluster: 'sim_cluster',
  slotReservations: 'sim_slot_reservations',
} as const;

/** SeaTunnel's own Flake id generator name, so ids look like a real cluster's. */
export const JOB_ID_GENERATOR = 'SeaTunnelIdGenerator';
