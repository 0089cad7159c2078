/** Reads server-sent `data:` events from a fetch response until `stop` says enough. */
export async function readEvents<T>(response: Response, stop: (events: T[]) => boolean): Promise<T[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: T[] = [];
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
        if (data !== '') events.push(JSON.parse(data) as T);
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}
