import type { CrawlProgress } from '@flowgraph/core';
import type { RequestHandler, Response } from 'express';
import type { GraphSource } from '../org/graph-source.js';

/**
 * Server-sent events: the current state at once, then every change. A comment line every
 * `heartbeatMs` keeps proxies from closing an idle stream and tells the server when the
 * browser went away; the subscription ends with the connection, and the stream with the server
 * or (team mode) with the session.
 */
export function progressRoute(
  sourceOf: (res: Response) => GraphSource,
  heartbeatMs: number,
  shutdown?: AbortSignal,
  stillSignedIn?: (res: Response) => boolean,
): RequestHandler {
  // One shutdown listener for all streams: one per stream would pass Node's limit of 10
  // listeners per signal (MaxListenersExceededWarning) as soon as an eleventh tab connects.
  const open = new Set<Response>();
  shutdown?.addEventListener('abort', () => {
    for (const stream of open) stream.end();
  });
  return (req, res) => {
    const source = sourceOf(res);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    // Tells nginx-style proxies not to buffer the stream.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();

    const send = (progress: CrawlProgress) => {
      // Unnamed events, so `EventSource.onmessage` receives them.
      res.write(`data: ${JSON.stringify(progress)}\n\n`);
    };
    // Browsers reconnect after this many ms when the stream drops.
    res.write('retry: 2000\n\n');
    send(source.progress());
    // On shutdown the stream ends properly, so the browser sees a closed stream, not a broken socket.
    if (shutdown?.aborted) {
      res.end();
      return;
    }
    open.add(res);
    const unsubscribe = source.subscribe(send);
    // A stream outliving its session (signed out, expired) ends at the next heartbeat.
    const heartbeat = setInterval(() => (stillSignedIn && !stillSignedIn(res) ? res.end() : res.write(': heartbeat\n\n')), heartbeatMs);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    });
  };
}
