// The names under which a cut leak is announced, in a module of their own (no imports) so the CDK
// app can share them with the runtime without loading any runtime code.
export const TOKEN_LEAKED = 'Token Leaked';
/** The log message the leak alarm's metric filter matches (infra/leak-alarm.ts). */
export const TOKEN_LEAKED_LOG = 'token leaked';
