import { javaPresizedHashMapOrder } from '../java-hash-map.js';

/** envOptions as SeaTunnel's job config holds them: a HashMap filled by putAll (see javaPresizedHashMapOrder). */
const envOrders = new Map<string, string[]>();
function envOrder(envOptions: Record<string, string>): string[] {
  const keys = Object.keys(envOptions);
  const id = keys.join('\u0000');
  let order = envOrders.get(id);
  if (!order) {
    order = javaPresizedHashMapOrder(keys);
    if (envOrders.size < 10_000) envOrders.set(id, order);
  }
  return order;
}

export function envOptionsJson(envOptions: Record<string, string>): string {
  return `{${envOrder(envOptions).map((key) => `${JSON.stringify(key)}:${JSON.stringify(envOptions[key])}`).join(',')}}`;
}

/** The same, as an object whose keys are in that order. */
export function orderedEnvOptions(envOptions: Record<string, string>): Record<string, string> {
  return Object.fromEntries(envOrder(envOptions).map((key) => [key, envOptions[key]!]));
}
