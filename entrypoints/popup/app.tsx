import { useEffect, useState } from 'react';
import type { TicketRef } from '../../lib/model';
import { readSettings } from '../../lib/settings/settings-store';
import { Footer } from './footer';
import { loadTicketView, type PopupData } from './load';
import { OtherTab } from './other-tab';
import { RatingForm } from './rating-form';

export function App({ data: loaded }: { data: PopupData }) {
  // Rating a ticket picked from the unrated list swaps the view for that ticket's form.
  const [data, setData] = useState(loaded);
  const rate = async (ticket: TicketRef) => {
    const { settings } = await readSettings();
    const view = await loadTicketView(ticket, settings.activeStandardSetId, data);
    if (view) setData(view);
  };
  // Esc closes the popup from anywhere, not only from inside the form.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && window.close();
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <>
      {data.problems.map((problem) => (
        <p key={problem} className="notice warn" role="alert">
          {problem}
        </p>
      ))}
      {data.view === 'ticket' ? (
        <RatingForm key={data.ticket.ticketId + data.ticket.origin} data={data} />
      ) : (
        <OtherTab data={data} onRate={(ticket) => void rate(ticket)} />
      )}
      <Footer shortcut={data.shortcut} />
    </>
  );
}
