export * from './hazelcast-client.js';
export * from './map-names.js';
export * from './job-repository.js';
export * from './node-registry.js';
export * from './member-process.js';
export * from './repo-paths.js';
export * from './testing/test-member.js';
export * from './cluster-clock.js';
