import { createRoot } from 'react-dom/client';
import '../../components/ui.css';
import './sidepanel.css';
import { ErrorBoundary } from '../../components/error-boundary';
import { App } from './app';
import type { PanelSnapshot } from './panel-data';

/** Renders once the first read is in (no loading flash); without it, the panel reads for itself. */
export function render(snapshot: Promise<PanelSnapshot | null>): void {
  const root = createRoot(document.getElementById('root')!);
  void snapshot.then((loaded) =>
    root.render(
      <ErrorBoundary>
        <App snapshot={loaded} />
      </ErrorBoundary>,
    ),
  );
}
