export * from './local-cluster.js';
export * from './free-ports.js';
export * from './memory-cluster.js';
export * from './up-options.js';
export * from './java-check.js';
