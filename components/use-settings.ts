import { useEffect, useState } from 'react';
import { readSettings, watchSettings, type SettingsRead } from '../lib/settings/settings-store';

/** The settings, kept current when any page or the background changes them; undefined while loading. */
export function useSettings(): SettingsRead | undefined {
  const [read, setRead] = useState<SettingsRead>();
  useEffect(() => {
    let live = true;
    void readSettings().then((value) => live && setRead(value));
    const stop = watchSettings((value) => live && setRead(value));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return read;
}
