/// <reference lib="webworker" />
import { type LayoutGraph, layeredLayout } from '@flowgraph/core';

// Lays a graph out off the main thread, for answers that come without a server layout.
self.onmessage = (event: MessageEvent<LayoutGraph>) => {
  self.postMessage(layeredLayout(event.data));
};
