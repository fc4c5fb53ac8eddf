import { loadPopup } from './load';

// The reads start first; React and the form load while the browser answers them, in parallel.
// Time to interactive is what the agent feels on every ticket (benchmark: test/bench/popup-tti.ts).
const data = loadPopup();
void import('./render').then(({ render }) => render(data));
