// Both halves of the panel are requested at once, as in the popup: the data half starts reading
// IndexedDB as soon as it has loaded, and React loads meanwhile (benchmark: test/bench/sidepanel.ts).
// If the first read fails, the panel renders anyway and its live queries read (and report) again.
const snapshot = import('./panel-data')
  .then(({ loadPanelSnapshot }) => loadPanelSnapshot())
  .catch((error: unknown) => {
    console.error('GapLens: the side panel’s first read failed', error);
    return null;
  });
void import('./render').then(({ render }) => render(snapshot));
