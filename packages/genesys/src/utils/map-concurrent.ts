/**
 * Runs `task` over `items` with at most `limit` running at once, keeping a bounded number of
 * pending promises however many items there are. Resolves when all are done; a task that
 * throws rejects the whole run (callers catch per item what should not stop the rest).
 */
export async function mapConcurrent<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
