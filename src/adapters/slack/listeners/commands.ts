/**
 * `/deal [text]`: acknowledged at once, then answered through `response_url`.
 * The body is exactly `renderSlack(answer)` plus `response_type`
 * (`in_channel` for answers, `ephemeral` for help, sources and errors).
 */
import type { App } from '@slack/bolt';
import type { AdapterDeps } from '../../types.ts';
import type { InFlight } from '../in-flight.ts';
import { answerFor, friendlyError, logFields } from '../reply.ts';

/** The slash command this app serves (from the `deal` command definition). */
export const SLASH_COMMAND = '/deal';

/** Registers the `/deal` listener. */
export function registerCommands(app: App, deps: AdapterDeps, inFlight: InFlight): void {
  app.command(SLASH_COMMAND, ({ command, ack, respond }) =>
    inFlight.run(async () => {
      // Slack wants an ack within 3 s; the answer follows through response_url.
      await ack();
      try {
        const reply = await answerFor(deps, command.user_id, `${SLASH_COMMAND} ${command.text ?? ''}`);
        await respond({ ...reply.message, response_type: reply.ephemeral ? 'ephemeral' : 'in_channel' });
        deps.logger.info('slack: /deal answered', { user: command.user_id, ...logFields(reply) });
      } catch (error) {
        deps.logger.error('slack: /deal failed', { user: command.user_id, error });
        await respond({ ...friendlyError(), response_type: 'ephemeral' }).catch((e: unknown) => deps.logger.error('slack: could not send the error message', { error: e }));
      }
    }),
  );
}
