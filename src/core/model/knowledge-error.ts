/** The error of an invalid knowledge folder (its own module so catching it does not load the YAML parser). */

/** Thrown when a knowledge folder is invalid; `problems` has one line per problem ("file: field: reason"). */
export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`knowledge: ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'KnowledgeError';
  }
}
