/** Sizes beyond which common Markdown renderers (GitHub, GitLab, mermaid.live defaults) stop drawing. */
export const MERMAID_LIMITS = { edges: 500, characters: 50_000 } as const;

export interface MermaidSize {
  edges: number;
  characters: number;
  /** Within both limits. */
  fits: boolean;
  /** When it does not fit: what is over and what to do, for a person. */
  advice?: string;
}

/**
 * Whether a Mermaid text stays within what renderers draw (500 edges, 50,000 characters). Edges are
 * counted from the text: labels never contain `>` (quoted as `#gt;`), so every arrow is a link.
 */
export function mermaidSize(text: string): MermaidSize {
  const edges = text.match(/(?:-->|==>|-\.->)/g)?.length ?? 0;
  const characters = text.length;
  const fits = edges <= MERMAID_LIMITS.edges && characters <= MERMAID_LIMITS.characters;
  if (fits) return { edges, characters, fits };
  const over = [
    edges > MERMAID_LIMITS.edges ? `${edges.toLocaleString('en-US')} edges (limit ${MERMAID_LIMITS.edges})` : '',
    characters > MERMAID_LIMITS.characters
      ? `${characters.toLocaleString('en-US')} characters (limit ${MERMAID_LIMITS.characters.toLocaleString('en-US')})`
      : '',
  ].filter((part) => part !== '');
  return {
    edges,
    characters,
    fits,
    advice: `Mermaid renderers stop drawing at about ${MERMAID_LIMITS.edges} edges or ${MERMAID_LIMITS.characters.toLocaleString('en-US')} characters; this diagram has ${over.join(' and ')}. Narrow it to a focus (a node, a smaller depth, flows only), collapse resource types, or group it; or export DOT, which Graphviz draws at any size.`,
  };
}
