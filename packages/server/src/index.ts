export * from './config.js';
export * from './port-binding.js';
export * from './node.js';
export * from './logger.js';
export * from './app.js';
export * from './sim-clock.js';
export * from './openapi/openapi-document.js';
