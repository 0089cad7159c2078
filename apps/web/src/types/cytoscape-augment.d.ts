// The method cytoscape-svg adds to every Core instance.
import 'cytoscape';

declare module 'cytoscape' {
  interface Core {
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
