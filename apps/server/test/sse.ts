import { type CrawlProgress, crawlProgressSchema } from '@flowgraph/core';

/**
 * Reads the server-sent `data:` events of `/api/progress` until `stop` says enough, each one
 * validated against the contract's `crawlProgressSchema`.
 */
export async function readProgress(response: Response, stop: (events: CrawlProgress[]) => boolean): Promise<CrawlProgress[]> {
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
        if (data !== '') events.push(crawlProgressSchema.parse(JSON.parse(data)));
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}
