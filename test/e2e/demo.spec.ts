import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);

// The README's main job, headless: `npm run demo -- --headless --screenshots DIR` (minus the build,
// which `npm test` has done). It must finish and leave non-empty screenshots.
test('the demo runs headless and saves its screenshots', async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'gaplens-demo-'));
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'test/demo/demo.ts', '--headless', '--screenshots', dir],
    {
      timeout: 170_000,
    },
  );
  expect(stdout).toContain('Ratings stored:');
  const shots = readdirSync(dir).filter((f) => f.endsWith('.png'));
  expect(shots).toEqual(expect.arrayContaining(['options.png', 'popup.png']));
  for (const shot of shots) expect(statSync(join(dir, shot)).size, shot).toBeGreaterThan(1000);
});
