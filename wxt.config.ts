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
    // contextMenus: “Open my gap” on the toolbar button. notifications is optional: asked for only
    // when the agent opts in to reveal notifications in the side panel.
    // scripting: the helpdesk page script is registered at run time for connected origins only.
    permissions: ['storage', 'activeTab', 'alarms', 'contextMenus', 'scripting'],
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOST_PERMISSIONS, optional_permissions: ['notifications'] }
      : { optional_permissions: [...OPTIONAL_HOST_PERMISSIONS, 'notifications'] }),
    action: { default_title: 'GapLens: rate this ticket' },
    commands: {
      // WXT does not rename _execute_action for MV2 (Firefox), see shared STACK notes.
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Rate the current ticket',
      },
      // Handled in the background (entrypoints/background/side-panel.ts): a command is a user gesture.
      'open-gap': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Open my gap (side panel)',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'gaplens@gaplens.app',
          // 140 (the current ESR): MV3 optional host permissions, sidebar_action, scripting,
          // action.openPopup and the data_collection_permissions key below are all there.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Desktop is the target (sidebar, shortcuts), but Firefox for Android reads the manifest too and
        // understands data_collection_permissions from 142: without this web-ext lint warns.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // The helpdesk page script is a guest in someone else's page and must stay tiny: build it against
    // the browser's own `chrome`/`browser` object (@wxt-dev/browser) instead of the polyfill that
    // @wxt-dev/webextension-polyfill aliases `wxt/browser` to for the extension's own pages.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      viteConfig.resolve ??= {};
      const alias = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const existing = viteConfig.resolve.alias;
      viteConfig.resolve.alias = Array.isArray(existing)
        ? [alias, ...existing]
        : [alias, ...Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement }))];
    },
  },
  // `npm run zip`: store packages for Chrome and Firefox, and the sources zip Firefox's review
  // rebuilds from (`npm ci && npm run build:firefox`, README “Packages”): what git tracks, without
  // test and benchmark output.
  zip: {
    excludeSources: [
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'reports/**',
      'demo-data/**',
      'demo-screenshots/**',
      'dist/**',
      '*.log',
    ],
  },
});
