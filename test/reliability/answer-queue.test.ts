/**
 * `inTurn`: answers run one per event-loop turn, in order, so I/O (new
 * requests, acks) is served between two answers instead of after all of them.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { inTurn } from '../../src/adapters/answer-queue.ts';

/** Synchronous CPU work, like computing an answer. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('answer queue', () => {
  it('runs jobs in order and passes on results and errors', async () => {
    const order: number[] = [];
    const results = await Promise.allSettled([1, 2, 3].map((i) => inTurn(() => (order.push(i), i === 2 ? (() => { throw new Error('two'); })() : i * 10))));
    expect(order).toEqual([1, 2, 3]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 'two', 30]);
  });

  it('serves an HTTP request arriving during a burst of answers before the burst ends', async () => {
    let done = 0;
    let servedAfter = -1;
    const server = createServer((_req, res) => {
      servedAfter = done;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const burst = Array.from({ length: 40 }, () => inTurn(() => (busy(10), done++)));
      const request = fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
      await Promise.all([...burst, request]);
      // Run back to back, the 40 answers (400 ms) would all come first.
      expect(servedAfter).toBeGreaterThanOrEqual(0);
      expect(servedAfter).toBeLessThan(20);
    } finally {
      server.close();
    }
  });
});
