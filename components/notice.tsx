import type { ReactNode } from 'react';

export type NoticeTone = 'ok' | 'warn' | 'error';

/**
 * A message for the user. Errors and warnings interrupt (role="alert"); confirmations are polite
 * (role="status"). Always rendered, so a screen reader hears the text when it appears.
 */
export function Notice({ tone, children, testId }: { tone: NoticeTone | null; children?: ReactNode; testId?: string }) {
  return (
    <p
      role={tone === 'ok' || tone === null ? 'status' : 'alert'}
      className={`notice ${tone ?? ''}`}
      data-testid={testId}
    >
      {children}
    </p>
  );
}
