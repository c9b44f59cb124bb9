export * from './local-cluster.js';
export * from './free-ports.js';
