/** Longest partner (deal name) a `/deal` or `/timeline` option takes, in characters. */
export const MAX_PARTNER_LENGTH = 100;
/** Longest topic (or partner-and-topic words typed after `/deal`) a `/deal` or `/timeline` option takes, in characters. */
export const MAX_TOPIC_LENGTH = 200;
