/**
 * `GET /healthz` on the Slack HTTP server (a Bolt custom route, served next to
 * `/slack/events` on `SLACK_PORT`): 503 `{"status":"starting"}` until the
 * engine is loaded, 200 `{"status":"ready"}` while serving, 503
 * `{"status":"draining"}` once shutdown has begun. Point the load balancer's
 * health check here. Unsigned on purpose: it says nothing but the state.
 */
import type { CustomRoute } from '@slack/bolt';
import { HEALTH_PATH, type Health } from '../health.ts';

/** The health route for `health` (none when the process has no readiness to report). */
export function healthRoutes(health: Health | undefined): CustomRoute[] {
  if (!health) return [];
  return [
    {
      path: HEALTH_PATH,
      method: ['GET', 'HEAD'],
      handler: (_req, res) => {
        res.writeHead(health.httpStatus, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ status: health.status }));
      },
    },
  ];
}
