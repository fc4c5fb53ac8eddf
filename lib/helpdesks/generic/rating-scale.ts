import type { CsatScale, ScaledValue } from '../../model';
import { FIVE_POINT_SCALE, GOOD_BAD_SCALE, scaleValue } from '../shared/scales';

/**
 * The scale a helpdesk's CSV export rates on, as the user picks it in the import's column mapping.
 * 1–5 and good / bad are the shared tables (lib/helpdesks/shared/scales.ts), so an imported 4 or
 * `good` means exactly what a synced one does. A custom scale lists the export's own words, best
 * first, and how many of the best count as satisfied; they are spaced evenly in [0, 1] (DESIGN.md §4,
 * “evenly spaced”), and satisfied stays strict: the user draws the line, nothing neutral is guessed.
 */
export type RatingScaleChoice =
  { type: 'five-point' } | { type: 'good-bad' } | { type: 'custom'; values: readonly string[]; satisfiedCount: number };

export type ScaleRead = { ok: true; scale: CsatScale } | { ok: false; error: string };

const MAX_VALUE_LENGTH = 40;

/** The CsatScale of a choice, or why the custom list cannot be one. */
export function scaleOfChoice(choice: RatingScaleChoice): ScaleRead {
  if (choice.type === 'five-point') return { ok: true, scale: FIVE_POINT_SCALE };
  if (choice.type === 'good-bad') return { ok: true, scale: GOOD_BAD_SCALE };
  const values = choice.values.map((value) => value.trim());
  if (values.length < 2 || values.some((value) => value === ''))
    return { ok: false, error: 'List at least two answers, best first, separated by commas.' };
  const long = values.find((value) => value.length > MAX_VALUE_LENGTH);
  if (long) return { ok: false, error: `“${long}” is longer than ${MAX_VALUE_LENGTH} characters.` };
  const folded = values.map(fold);
  const twice = values.find((_, index) => folded.indexOf(folded[index]!) !== index);
  if (twice) return { ok: false, error: `“${twice}” is listed twice.` };
  const { satisfiedCount } = choice;
  if (!Number.isInteger(satisfiedCount) || satisfiedCount < 1 || satisfiedCount >= values.length)
    return { ok: false, error: `Say how many of the best answers count as satisfied: 1 to ${values.length - 1}.` };
  const last = values.length - 1;
  return {
    ok: true,
    scale: {
      id: `custom-${values.length}-point`,
      label: values.join(' / '),
      points: values.map((value, index) => ({
        value,
        label: value,
        normalized: (last - index) / last,
        satisfied: index < satisfiedCount,
      })),
    },
  };
}

/** Case and surrounding space do not matter in an export's words (`Good`, ` good `). */
function fold(text: string): string {
  return text.trim().toLowerCase();
}

/** How a scale's answers are listed in an error: `1–5`, `good, bad`. */
export function describeAnswers(scale: CsatScale): string {
  if (scale.id === FIVE_POINT_SCALE.id) return '1–5';
  return scale.points.map((point) => String(point.value)).join(', ');
}

/**
 * Reads one cell of the rating column: the scale's point, or null when the text is not one of its
 * answers. Numbers must be whole (`4`, not `4.5` or `four`); words match whatever their case.
 */
export function readRating(scale: CsatScale, cell: string): ScaledValue | null {
  const text = cell.trim();
  if (text === '') return null;
  const point = scale.points.find((candidate) =>
    typeof candidate.value === 'number'
      ? /^\d+$/.test(text) && Number(text) === candidate.value
      : fold(candidate.value) === fold(text),
  );
  return point ? scaleValue(scale, point.value) : null;
}
