import { defineConfig } from 'wxt';

// Origins a connection may ask for at connect time. Nothing is granted up front: the manifest has no
// host_permissions, and each connection requests exactly its own origin (least privilege).
const OPTIONAL_HOST_PERMISSIONS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDir: 'dist',
  manifest: ({ browser, manifestVersion }) => ({
    name: 'GapLens',
    description:
      'Rate each ticket against your team’s service standards, predict the customer’s rating, and see your gap.',
    permissions: ['storage', 'activeTab', 'alarms'],
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOST_PERMISSIONS }
      : { optional_permissions: OPTIONAL_HOST_PERMISSIONS }),
    action: { default_title: 'GapLens: rate this ticket' },
    commands: {
      // WXT does not rename _execute_action for MV2 (Firefox), see shared STACK notes.
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Rate the current ticket',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'gaplens@gaplens.app', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', 'bench-results/**', 'dist/**', '*.log'],
  },
});
