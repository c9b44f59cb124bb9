import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaFrame, nodeThreads, runningThreadsView, threadDumpView } from '../src/index.js';

describe('thread views', () => {
  it('turns V8 stack lines into Java frames', () => {
    assert.equal(javaFrame('    at getThreadDump (file:///work/dist/src/routes/cluster-routes.js:12:5)'), 'getThreadDump(cluster-routes.js:12)');
    assert.equal(javaFrame('    at async Promise.all (index 0)'), 'Promise.all(index 0)');
    assert.equal(javaFrame('    at file:///a/b.js:3:4'), '<anonymous>(b.js:3)');
    assert.equal(javaFrame('    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)'), 'process.processTicksAndRejections(node:internal/process/task_queues:95)');
    assert.equal(javaFrame('    at new Foo (file:///a/foo.js:1:1)'), 'Foo.<init>(foo.js:1)');
    assert.equal(javaFrame('Error'), null);
  });

  it('describes the event loop and the native pools', () => {
    const threads = nodeThreads({ mainStack: 'Error\n    at a (file:///x/y.js:1:2)\n    at b (file:///x/z.js:3:4)', libuvPoolSize: 4, v8PoolSize: 2, mainClassLoader: 'app' });
    const dump = threadDumpView(threads);
    assert.equal(dump.length, 7);
    assert.deepEqual(dump[0], { threadName: 'main', threadId: 1, threadState: 'RUNNABLE', stackTrace: 'a(y.js:1)\nb(z.js:3)' });
    assert.deepEqual(new Set(dump.map((t) => t.threadId)).size, 7);
    assert.equal(dump[1]!.threadState, 'WAITING');
    const running = runningThreadsView(threads);
    assert.deepEqual(running.map((t) => t.threadName), [...running.map((t) => t.threadName)].sort());
    assert.deepEqual(running.find((t) => t.threadName === 'main'), { threadName: 'main', classLoader: 'app' });
    assert.equal(running.find((t) => t.threadName === 'libuv-worker-1')?.classLoader, 'null');
  });
});
