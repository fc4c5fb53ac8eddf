import type { ReactNode } from 'react';

/** One titled part of the panel; the id is the anchor the command palette's “Go to” commands jump to. */
export function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="panel-section" tabIndex={-1}>
      <div className="section-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
