/** Java's Thread.State names, which thread-dump reports. */
export type ThreadState = 'NEW' | 'RUNNABLE' | 'BLOCKED' | 'WAITING' | 'TIMED_WAITING' | 'TERMINATED';

/** One thread of a node process, described as a JVM thread dump would describe it. */
export interface ThreadInfo {
  name: string;
  id: number;
  state: ThreadState;
  /** Frames in Java's `StackTraceElement.toString()` form, innermost first. */
  frames: string[];
  /** `String.valueOf(thread.getContextClassLoader())`: null prints as "null". */
  classLoader: string | null;
}

/** What a node knows about its own threads. */
export interface NodeThreadsInput {
  /** The JavaScript stack of the event-loop thread at the time of the request (`new Error().stack`). */
  mainStack: string;
  /** libuv's thread pool (UV_THREADPOOL_SIZE, default 4). */
  libuvPoolSize: number;
  /** V8's platform worker threads (`--v8-pool-size`, default 4). */
  v8PoolSize: number;
  /** How the event-loop thread's context class loader prints. */
  mainClassLoader: string;
}

/**
 * A V8 stack line ("    at fn (file:///a/b.js:12:5)") as a Java frame ("fn(b.js:12)"), so
 * tools that parse SeaTunnel's thread dumps can read ours. Null for lines that are not frames.
 */
export function javaFrame(line: string): string | null {
  const match = /^\s*at (?:async )?(?:(.*?) \((.*)\)|(.*))$/.exec(line);
  if (!match) return null;
  const method = (match[1] ?? '<anonymous>').replace(/^new (.*)$/, '$1.<init>');
  const location = match[2] ?? match[3] ?? '';
  const source = /^(.*?):(\d+):\d+$/.exec(location);
  if (!source) return `${method}(${location})`;
  const file = source[1]!.startsWith('node:') ? source[1]! : source[1]!.slice(source[1]!.lastIndexOf('/') + 1);
  return `${method}(${file}:${source[2]})`;
}

/**
 * The threads of a Node.js node: the event loop ("main", the only one running JavaScript) plus the
 * native pools that do its I/O and compilation, which wait on a condition variable when idle.
 */
export function nodeThreads(input: NodeThreadsInput): ThreadInfo[] {
  const frames = input.mainStack.split('\n').map(javaFrame).filter((f): f is string => f !== null);
  const threads: ThreadInfo[] = [{ name: 'main', id: 1, state: 'RUNNABLE', frames, classLoader: input.mainClassLoader }];
  for (let i = 1; i <= input.libuvPoolSize; i++) {
    threads.push({
      name: `libuv-worker-${i}`,
      id: threads.length + 1,
      state: 'WAITING',
      frames: ['uv_cond_wait(Native Method)', 'worker(threadpool.c)', 'uv__thread_start(thread.c)'],
      classLoader: null,
    });
  }
  for (let i = 1; i <= input.v8PoolSize; i++) {
    threads.push({
      name: `V8 DefaultWorkerThread-${i}`,
      id: threads.length + 1,
      state: 'WAITING',
      frames: ['v8::base::ConditionVariable::Wait(Native Method)', 'node::TaskQueue::BlockingPop(node_platform.cc)', 'node::PlatformWorkerThread(node_platform.cc)'],
      classLoader: null,
    });
  }
  return threads;
}

/** GET /thread-dump: frames joined by newlines and trimmed, as SeaTunnel builds `stackTrace`. */
export function threadDumpView(threads: readonly ThreadInfo[]): { threadName: string; threadId: number; threadState: ThreadState; stackTrace: string }[] {
  return threads.map((t) => ({ threadName: t.name, threadId: t.id, threadState: t.state, stackTrace: t.frames.join('\n').trim() }));
}

/** GET /running-threads: name and context class loader, sorted by name (Java's String order). */
export function runningThreadsView(threads: readonly ThreadInfo[]): { threadName: string; classLoader: string }[] {
  return [...threads]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((t) => ({ threadName: t.name, classLoader: t.classLoader ?? 'null' }));
}
