import type { ReactNode } from 'react';

/** A titled, collapsible side-panel section. */
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
        <span>{title}</span>
        {count !== undefined && <span className="badge">{count}</span>}
      </summary>
      <div className="panel-body">{children}</div>
    </details>
  );
}
