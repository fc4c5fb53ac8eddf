import { z } from 'zod';

/**
 * Per connection: whether GapLens prompts after a ticket, on which tickets, and when not. Stored in
 * `storage.local` under {@link PROMPT_SETTINGS_KEY}, keyed by connection id, and parsed on every read.
 */
const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM (24 h)');

export const promptSettingsSchema = z.object({
  /** The in-page card at all. The unrated list and badge work either way. */
  enabled: z.boolean(),
  /** Prompt only when the ticket is solved/resolved/closed; off also prompts after other updates of my tickets. */
  onlyOnSolved: z.boolean(),
  /** No card in this local-time window (it may wrap midnight, e.g. 18:00–08:00). */
  quietHours: z.object({ from: timeOfDaySchema, to: timeOfDaySchema }).nullable(),
  /** The card hides itself after this long without a key press; the ticket stays in the unrated list. */
  autoHideSeconds: z.number().int().min(5).max(600),
});
export type PromptSettings = z.infer<typeof promptSettingsSchema>;

export const DEFAULT_PROMPT_SETTINGS: PromptSettings = {
  enabled: true,
  onlyOnSolved: true,
  quietHours: null,
  autoHideSeconds: 60,
};

export const PROMPT_SETTINGS_KEY = 'promptSettings';
export const promptSettingsMapSchema = z.record(z.string(), promptSettingsSchema);

/** A stored map read leniently: a damaged entry falls back to the defaults rather than silencing prompts. */
export function parsePromptSettingsMap(stored: unknown): Record<string, PromptSettings> {
  const result: Record<string, PromptSettings> = {};
  if (typeof stored !== 'object' || stored === null) return result;
  for (const [id, value] of Object.entries(stored)) {
    const parsed = promptSettingsSchema.safeParse(value);
    if (parsed.success) result[id] = parsed.data;
  }
  return result;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** Whether `now` (local time) falls in the quiet hours; `from` is inclusive, `to` exclusive. */
export function isQuietTime(settings: PromptSettings, now: Date): boolean {
  if (!settings.quietHours) return false;
  const from = minutesOf(settings.quietHours.from);
  const to = minutesOf(settings.quietHours.to);
  const at = now.getHours() * 60 + now.getMinutes();
  if (from === to) return false;
  return from < to ? at >= from && at < to : at >= from || at < to;
}
