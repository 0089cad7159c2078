export type { Layout, LayoutGraph, Point } from '@flowgraph/core';
