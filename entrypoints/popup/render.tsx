import { createRoot } from 'react-dom/client';
import '../../components/ui.css';
import './popup.css';
import { ErrorBoundary } from '../../components/error-boundary';
import { App } from './app';
import type { PopupData } from './load';

/** Renders once, with the data (no loading flash); a failed read shows what went wrong. */
export function render(data: Promise<PopupData>): void {
  const root = createRoot(document.getElementById('root')!);
  data.then(
    (loaded) =>
      root.render(
        <ErrorBoundary>
          <App data={loaded} />
        </ErrorBoundary>,
      ),
    (error: unknown) =>
      root.render(
        <p className="notice error" role="alert">
          GapLens could not read its data: {error instanceof Error ? error.message : String(error)}
        </p>,
      ),
  );
}
