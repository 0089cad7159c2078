import type { ReactNode } from 'react';

/** A titled, collapsible side-panel section; its title is an h2, so screen readers list the panels as headings. */
export function Panel({
  title,
  count,
  testId,
  children,
  open = true,
}: {
  title: string;
  count?: number | undefined;
  testId: string;
  children: ReactNode;
  open?: boolean;
}) {
  return (
    <details className="panel" data-testid={testId} open={open}>
      <summary>
        <h2 className="panel-title">{title}</h2>
        {count !== undefined && <span className="badge">{count}</span>}
      </summary>
      <div className="panel-body">{children}</div>
    </details>
  );
}
