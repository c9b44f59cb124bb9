import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ClientOfflineError,
  HazelcastSerializationError,
  IllegalArgumentError,
  IndeterminateOperationStateError,
  OperationTimeoutError,
  PartitionMigratingError,
  QueryError,
  TargetDisconnectedError,
} from 'hazelcast-client';
import { isClusterUnavailable } from '../src/index.js';

/** Which client errors the node answers 503 (the cluster is away; retry) rather than 500 (a bug). */
describe('isClusterUnavailable', () => {
  it('recognises the client errors of a lost or failing-over cluster by class (their name is always "Error")', () => {
    const timeout = new OperationTimeoutError('Invocation 491) reached its deadline.');
    assert.equal(timeout.name, 'Error');
    for (const error of [
      new ClientOfflineError(),
      timeout,
      new TargetDisconnectedError('gone'),
      new PartitionMigratingError('migrating'),
      new IndeterminateOperationStateError('unknown'),
    ]) {
      assert.equal(isClusterUnavailable(error), true, error.constructor.name);
    }
  });

  it('leaves other errors to be 500s', () => {
    for (const error of [new Error('x'), new TypeError('x'), new IllegalArgumentError('x'), new QueryError('x'), new HazelcastSerializationError('x'), null, 'text']) {
      assert.equal(isClusterUnavailable(error), false, String(error));
    }
  });
});
