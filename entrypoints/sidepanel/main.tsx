import { createRoot } from 'react-dom/client';
import '../../components/ui.css';
import './sidepanel.css';
import { ErrorBoundary } from '../../components/error-boundary';
import { getDb } from '../../lib/db/db';
import { App } from './app';

// Opening IndexedDB is the slowest step of the first render: start it before React renders.
getDb()
  .open()
  .catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <ErrorBoundary>
    <App />
  </ErrorBoundary>,
);
