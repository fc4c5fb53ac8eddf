// Both halves of the popup are requested at once: the data half (zod, Dexie, the helpdesk registry)
// starts reading as soon as it has loaded, and React loads meanwhile. Time to interactive is what
// the agent feels on every ticket (benchmark: test/bench/popup-tti.ts).
const data = import('./load').then(({ loadPopup }) => loadPopup());
void import('./render').then(({ render }) => render(data));
