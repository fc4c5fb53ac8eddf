import { browser } from 'wxt/browser';
import { seedDefaultStandardSet } from '../../lib/db/standard-sets';

/** On install and update: make sure the built-in standard set is stored, so assessments can name it. */
export function registerInstallHandler(): void {
  browser.runtime.onInstalled.addListener(() => {
    seedDefaultStandardSet().catch((error: unknown) =>
      console.error('GapLens: seeding the default standard set failed', error),
    );
  });
}
