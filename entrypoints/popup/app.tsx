import { Footer } from './footer';
import type { PopupData } from './load';
import { OtherTab } from './other-tab';
import { RatingForm } from './rating-form';

export function App({ data }: { data: PopupData }) {
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
