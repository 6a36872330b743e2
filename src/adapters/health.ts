/**
 * Whether this process should be sent traffic, for a load balancer's health
 * check (`GET /healthz` on the Slack HTTP server): `starting` until the engine
 * is loaded, then `ready`, then `draining` once shutdown has begun. Only
 * `ready` answers 200; the others answer 503, so a balancer sends requests
 * only to replicas that can answer them and stops before one goes away.
 */

/** The states a process goes through, in order. */
export type HealthStatus = 'starting' | 'ready' | 'draining';

/** The readiness of one process. */
export class Health {
  private state: HealthStatus = 'starting';
  private markReady!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.markReady = resolve));

  /** The current state. */
  get status(): HealthStatus {
    return this.state;
  }

  /** The HTTP status a health check gets now: 200 when ready, else 503. */
  get httpStatus(): 200 | 503 {
    return this.state === 'ready' ? 200 : 503;
  }

  /** The engine is loaded: requests can be answered. */
  loaded(): void {
    if (this.state === 'starting') this.state = 'ready';
    this.markReady();
  }

  /** Shutdown has begun: take no new traffic (requests already accepted still finish). */
  draining(): void {
    this.state = 'draining';
    this.markReady();
  }

  /** Resolves once the engine is loaded (or shutdown began first). A request that arrives early waits here. */
  whenLoaded(): Promise<void> {
    return this.readyPromise;
  }
}

/** The path of the health check on the Slack HTTP server. */
export const HEALTH_PATH = '/healthz';
