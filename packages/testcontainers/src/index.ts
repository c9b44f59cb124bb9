export * from './seatunnel-sim-cluster.js';
