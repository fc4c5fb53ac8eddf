import { Notice } from '../../components/notice';
import { useMarkReady } from '../../components/use-mark-ready';
import { useSettings } from '../../components/use-settings';
import { ConnectionsSection } from './connections-section';
import { DataSection } from './data-section';
import { GenericSection } from './generic-section';
import { OriginsSection } from './origins-section';
import { SettingsFileSection } from './settings-file-section';
import { SettingsJsonSection } from './settings-json-section';
import { ShortcutSection } from './shortcut-section';
import { StandardsSection } from './standards-section';
import { TeamBundleSection } from './team-bundle-section';

const SECTIONS = [
  ['standards', 'Standards'],
  ['origins', 'Helpdesk addresses'],
  ['connections', 'Connections'],
  ['generic', 'Other helpdesks'],
  ['shortcut', 'Keyboard shortcut'],
  ['settings-file', 'Import and export settings'],
  ['settings-json', 'Settings as JSON'],
  ['team-bundle', 'Share with your lead'],
  ['data', 'Your data'],
] as const;

export function App() {
  const read = useSettings();
  if (!read) return null;
  return <Loaded read={read} />;
}

function Loaded({ read }: { read: NonNullable<ReturnType<typeof useSettings>> }) {
  useMarkReady();
  const { settings, problem } = read;
  return (
    <div className="options">
      <header>
        <h1>GapLens options</h1>
        <nav aria-label="Sections">
          {SECTIONS.map(([id, title]) => (
            <a key={id} href={`#${id}`}>
              {title}
            </a>
          ))}
          {/* The team page is its own extension page (entrypoints/team), for leads. */}
          <a href="/team.html">Team page</a>
        </nav>
      </header>
      <main>
        {problem && <Notice tone="warn">{problem}</Notice>}
        <StandardsSection settings={settings} />
        <OriginsSection settings={settings} />
        <ConnectionsSection settings={settings} />
        <GenericSection settings={settings} />
        <ShortcutSection />
        <SettingsFileSection settings={settings} />
        <SettingsJsonSection settings={settings} />
        <TeamBundleSection />
        <DataSection />
      </main>
    </div>
  );
}
