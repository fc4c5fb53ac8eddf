import type { PageSelectors } from './channel';

/** The first element any of `selectors` finds, trying them in order (current UI first, then fallbacks). */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // A selector this browser cannot parse counts as not found; the next one may still work.
    }
  }
  return null;
}

/** Every element any of `selectors` finds (for the controls the card must not cover). */
export function queryAll(root: ParentNode, selectors: readonly string[]): Element[] {
  const found = new Set<Element>();
  for (const selector of selectors) {
    try {
      root.querySelectorAll(selector).forEach((node) => found.add(node));
    } catch {
      // As above: skip what cannot be parsed.
    }
  }
  return [...found];
}

/**
 * The status the control shows, lower case: a <select>'s value and its option's label (Freshdesk
 * posts codes such as `4` and shows “Resolved”), or the text of a custom dropdown.
 */
export function readStatus(control: Element | null): string[] {
  if (!control) return [];
  const select = control as HTMLSelectElement;
  if (control.tagName.toLowerCase() === 'select') {
    const option = Array.from(select.querySelectorAll('option')).find((candidate) => candidate.value === select.value);
    const label = option?.textContent ?? '';
    return [select.value, label].map((value) => value.trim().toLowerCase()).filter(Boolean);
  }
  const text = (control.textContent ?? '').trim().toLowerCase();
  return text ? [text] : [];
}

/**
 * Whether a status the page showed means done: the value itself (`solved`, `4`) or a word of a
 * dropdown's text (Agent Workspace shows a colour tag letter before the name: “S Solved”).
 */
export function isDoneStatus(value: string, doneStatuses: readonly string[]): boolean {
  const lower = value.trim().toLowerCase();
  return doneStatuses.includes(lower) || lower.split(/\s+/).some((word) => doneStatuses.includes(word));
}

/** Whether the page's status control says the ticket is done; null when it cannot tell. */
export function domSaysDone(root: ParentNode, selectors: PageSelectors): boolean | null {
  const values = readStatus(queryFirst(root, selectors.statusControl));
  if (values.length === 0) return null;
  return values.some((value) => isDoneStatus(value, selectors.doneStatuses));
}

/** What the health check reports: which of the optional hooks this page still has. */
export function pageHealth(root: ParentNode, selectors: PageSelectors) {
  return {
    statusControl: queryFirst(root, selectors.statusControl) !== null,
    submitControl: queryFirst(root, selectors.submitControl) !== null,
  };
}
