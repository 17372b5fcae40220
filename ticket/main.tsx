import { render } from 'preact';
import { PhonePoster } from './phone-poster';
import { TakeNumberPage } from './take-number-page';
import { ticketIdFromSearch } from './ticket-id';
import { TicketPage } from './ticket-page';
import { texts as t } from './texts';
import './style.css';

function App() {
  const search = new URLSearchParams(location.search);
  if (search.has('poster')) return <PhonePoster />;
  const ticketId = ticketIdFromSearch(location.search);
  if (ticketId) return <TicketPage ticketId={ticketId} />;
  // An id that is not one is a damaged link, not a wish for a new number.
  if (search.has('id'))
    return (
      <main class="ticket">
        <p class="notice" role="alert">{t.missingId}</p>
      </main>
    );
  return <TakeNumberPage />;
}

render(<App />, document.getElementById('app')!);
