import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './launch';

/**
 * The two builds as a store would read them (no browser needed: Firefox is not installed here, so
 * its build is checked by its manifest, by `web-ext lint` in `npm test`, and by the code paths that
 * feature-detect Chrome-only APIs). Both are built before the e2e suite runs.
 */
const FIREFOX_DIR = process.env.GAPLENS_FIREFOX_DIR ?? join(dirname(EXTENSION_DIR), 'firefox-mv3');

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: unknown[];
  icons?: Record<string, string>;
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string };
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
}

function read(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Every file a manifest names exists in the build. */
function expectFilesExist(dir: string, files: (string | undefined)[]): void {
  for (const file of files) {
    expect(file, 'a file the manifest names').toBeTruthy();
    expect(existsSync(join(dir, file!)), `${file} in ${dir}`).toBe(true);
  }
}

const ICON_SIZES = ['16', '32', '48', '96', '128'];
const HOST_ACCESS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

test('Chrome build: MV3, side panel, service worker, no host access granted up front', () => {
  const manifest = read(EXTENSION_DIR);
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toEqual(HOST_ACCESS);
  expect(manifest.permissions).toContain('sidePanel');
  expect(manifest.sidebar_action).toBeUndefined();
  expect(Object.keys(manifest.icons ?? {})).toEqual(ICON_SIZES);
  expectFilesExist(EXTENSION_DIR, [
    ...Object.values(manifest.icons ?? {}),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    manifest.side_panel?.default_path,
    manifest.background?.service_worker,
    'team.html',
  ]);
});

test('Firefox build: the same pages with a sidebar instead of a side panel, host access asked at connect time', () => {
  const chrome = read(EXTENSION_DIR);
  const manifest = read(FIREFOX_DIR);
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.browser_specific_settings?.gecko?.id).toBe('gaplens@gaplens.app');
  expect(manifest.browser_specific_settings?.gecko?.strict_min_version).toMatch(/^\d+\.0$/);
  expect(manifest.side_panel).toBeUndefined();
  expect(manifest.permissions).not.toContain('sidePanel');
  // Everything else Chrome asks for, Firefox asks for too: no permission is Chrome-only but sidePanel.
  expect(manifest.permissions).toEqual(chrome.permissions?.filter((permission) => permission !== 'sidePanel'));
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toEqual(HOST_ACCESS);
  expect(manifest.optional_permissions).toEqual(chrome.optional_permissions);
  // Firefox MV3 runs the background as an event page, not a service worker.
  expect(manifest.background?.scripts).toHaveLength(1);
  expect(Object.keys(manifest.icons ?? {})).toEqual(ICON_SIZES);
  expectFilesExist(FIREFOX_DIR, [
    ...Object.values(manifest.icons ?? {}),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    manifest.sidebar_action?.default_panel,
    ...(manifest.background?.scripts ?? []),
    'team.html',
  ]);
});
