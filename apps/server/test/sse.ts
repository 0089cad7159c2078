import { type CrawlProgress, crawlProgressSchema } from '@flowgraph/core';

/**
 * Reads the server-sent `data:` events of `/api/progress` until `stop` says enough, each one
 * validated against the contract's `crawlProgressSchema`.
 */
export async function readProgress(
  response: Response,
  stop: (events: CrawlProgress[]) => boolean,
  onEvent?: (event: CrawlProgress) => void,
): Promise<CrawlProgress[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: CrawlProgress[] = [];
  let buffer = '';
  try {
    while (!stop(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        if (data !== '') {
          const event = crawlProgressSchema.parse(JSON.parse(data));
          events.push(event);
          onEvent?.(event);
        }
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

/**
 * Follows `/api/progress` and resolves once the state sent on connect has arrived, so a test
 * starts a crawl knowing the stream is subscribed (an event, not a sleep); `events` is the rest.
 */
export async function followProgress(
  response: Response,
  stop: (events: CrawlProgress[]) => boolean,
): Promise<{ first: CrawlProgress; events: Promise<CrawlProgress[]> }> {
  let resolve: (event: CrawlProgress) => void = () => {};
  const first = new Promise<CrawlProgress>((done) => {
    resolve = done;
  });
  const events = readProgress(response, stop, (event) => resolve(event));
  return { first: await Promise.race([first, events.then((all) => all[0] as CrawlProgress)]), events };
}
