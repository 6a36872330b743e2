/**
 * Runs answer computations one per event-loop turn, in arrival order.
 *
 * Why: answering is synchronous CPU work (a few to tens of milliseconds). In
 * a burst, handlers that run their answers back to back starve the event loop,
 * so newly arrived requests wait behind all of them and miss Slack's and
 * Discord's 3-second acknowledgement deadline. Running one answer per turn
 * (each queued with `setImmediate`) lets the loop poll for I/O between two
 * answers: new requests are read and acknowledged, and replies go out, while
 * the backlog is worked through.
 */

const jobs: (() => void)[] = [];
let scheduled = false;

function runOne(): void {
  jobs.shift()?.();
  // An immediate queued from inside an immediate runs on the next turn, after the I/O poll.
  if (jobs.length) setImmediate(runOne);
  else scheduled = false;
}

/**
 * Runs `work` on a later event-loop turn, after the answers queued before it.
 * Resolves with its result, or rejects with what it threw.
 * @example const answer = await inTurn(() => engine.ask(question));
 */
export function inTurn<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    jobs.push(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    });
    if (!scheduled) {
      scheduled = true;
      setImmediate(runOne);
    }
  });
}
