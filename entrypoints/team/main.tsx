import { createRoot } from 'react-dom/client';
import '../../components/ui.css';
import './team.css';
import { ErrorBoundary } from '../../components/error-boundary';
import { App } from './app';

createRoot(document.getElementById('root')!).render(
  <ErrorBoundary>
    <App />
  </ErrorBoundary>,
);
