import { useEffect } from 'react';
import { Footer } from './footer';
import type { PopupData } from './load';
import { OtherTab } from './other-tab';
import { RatingForm } from './rating-form';

export function App({ data }: { data: PopupData }) {
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
      {data.view === 'ticket' ? <RatingForm data={data} /> : <OtherTab data={data} />}
      <Footer shortcut={data.shortcut} />
    </>
  );
}
