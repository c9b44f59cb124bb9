export * from './test-member.js';
