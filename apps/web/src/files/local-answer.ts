/** An answer in the server's terms: the body of a 200, or an error body with its status. */
export type LocalAnswer = { status: 200; body: unknown } | { status: 400 | 404; body: { error: { code: string; message: string } } };

/**
 * The error code of a question only the server can answer: the steps of an org flow that files
 * deployed over the org did not replace (the org graph the page holds has no steps).
 */
export const ASK_THE_SERVER = 'ask-the-server';
