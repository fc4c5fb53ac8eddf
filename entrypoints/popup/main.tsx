import { createRoot } from 'react-dom/client';
import '../../components/ui.css';
import './popup.css';
import { ErrorBoundary } from '../../components/error-boundary';
import { App } from './app';
import { loadPopup } from './load';

// Reading starts before React is touched; the popup renders once, with its data (no loading flash).
const data = loadPopup();
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
