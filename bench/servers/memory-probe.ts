/** Parent → child request for a memory reading after a full garbage collection. */
export interface MemoryRequest {
  type: 'memory';
}

/** The child's answer, in MB. */
export interface MemoryReport {
  type: 'memory-report';
  heapUsedMb: number;
  /** V8 heap reserved (used + free pages kept). */
  heapTotalMb: number;
  /** Memory of C++ objects bound to JS (buffers included). */
  externalMb: number;
  rssMb: number;
}

/**
 * Answers memory requests: runs a full GC (the child runs with `--expose-gc`) and reports the live
 * heap and RSS, which tells a leak (live heap grows round after round) from allocator high water.
 */
export function acceptMemoryRequests(): void {
  process.on('message', (message: MemoryRequest) => {
    if (message.type !== 'memory') return;
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const usage = process.memoryUsage();
    const report: MemoryReport = {
      type: 'memory-report',
      heapUsedMb: usage.heapUsed / 1024 / 1024,
      heapTotalMb: usage.heapTotal / 1024 / 1024,
      externalMb: usage.external / 1024 / 1024,
      rssMb: usage.rss / 1024 / 1024,
    };
    process.send?.(report);
  });
}
