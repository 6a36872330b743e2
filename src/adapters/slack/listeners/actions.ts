/**
 * 👍/👎 on an answer: acknowledged, recorded in the feedback log (question,
 * the answer's article ids, vote, user), and confirmed privately to the voter.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { decodeVote } from '../../feedback.ts';
import { questionFromBlocks, VOTE_BLOCK_ID } from '../../../render/slack.ts';
import type { AdapterDeps } from '../../types.ts';
import type { InFlight } from '../in-flight.ts';
import { friendlyError } from '../reply.ts';

/** Registers the vote button listener. */
export function registerActions(app: App, deps: AdapterDeps, inFlight: InFlight): void {
  app.action<BlockAction<ButtonAction>>({ block_id: VOTE_BLOCK_ID, action_id: /^dealdesk_vote_(up|down)$/ }, ({ ack, body, action, respond }) =>
    inFlight.run(async () => {
      await ack();
      const user = body.user.id;
      try {
        const vote = decodeVote(action.value ?? '');
        if (!vote) throw new Error(`slack: vote button value not recognised: ${JSON.stringify(action.value)}`);
        // The question travels in the message itself (its question block), so no server-side state is needed.
        const question = questionFromBlocks(body.message?.blocks) ?? '';
        await deps.feedback.record({ platform: 'slack', question, articleIds: vote.articleIds, vote: vote.vote, user });
        deps.logger.info('slack: vote recorded', { user, vote: vote.vote, question, articleIds: vote.articleIds });
        await respond({ response_type: 'ephemeral', replace_original: false, text: `Thanks, your ${vote.vote === 'up' ? '👍' : '👎'} was recorded.` });
      } catch (error) {
        deps.logger.error('slack: vote failed', { user, error });
        await respond({ ...friendlyError(), response_type: 'ephemeral', replace_original: false }).catch((e: unknown) => deps.logger.error('slack: could not send the error message', { error: e }));
      }
    }),
  );
}
