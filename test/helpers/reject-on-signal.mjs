/**
 * Preload for process tests (`node --import ./test/helpers/reject-on-signal.mjs`):
 * on SIGUSR2 the process rejects a promise that nobody handles, as a library
 * bug would. Lets a test provoke an unhandled rejection in the real bot.
 */
process.on('SIGUSR2', () => {
  void Promise.reject(new Error('probe: a rejection nobody handles'));
});
