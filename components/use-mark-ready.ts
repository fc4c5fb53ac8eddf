import { useEffect } from 'react';

/**
 * Marks the page as rendered and usable: `data-ready="true"` on <html> for tests, and a
 * `gaplens-ready` performance mark the popup benchmark reads (test/bench/popup-tti.ts).
 */
export function useMarkReady(): void {
  useEffect(() => {
    if (document.documentElement.dataset.ready === 'true') return;
    document.documentElement.dataset.ready = 'true';
    performance.mark('gaplens-ready');
  }, []);
}
