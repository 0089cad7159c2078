/// <reference lib="webworker" />
import { layeredLayout } from '@flowgraph/core';
import type { LayoutGraph } from './layout-types.js';

// Lays a graph out off the main thread, for answers that come without a server layout.
self.onmessage = (event: MessageEvent<LayoutGraph>) => {
  self.postMessage(layeredLayout(event.data));
};
