import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BookPage } from './book-page';
import { bookingCodeFromSearch } from './booking-code';
import { BookingPage } from './booking-page';
import { PhonePoster } from './phone-poster';
import { TakeNumberPage } from './take-number-page';
import { ticketIdFromSearch } from './ticket-id';
import { TicketPage } from './ticket-page';
import { texts as t } from './texts';
import './style.css';

function Page(props: { search: string }) {
  const search = new URLSearchParams(props.search);
  if (search.has('poster')) return <PhonePoster />;
  const ticketId = ticketIdFromSearch(props.search);
  if (ticketId) return <TicketPage ticketId={ticketId} />;
  // An id that is not one is a damaged link, not a wish for a new number.
  if (search.has('id'))
    return (
      <main class="ticket">
        <p class="notice" role="alert">{t.missingId}</p>
      </main>
    );
  const code = bookingCodeFromSearch(props.search);
  if (code) return <BookingPage code={code} />;
  if (search.has('booking'))
    return (
      <main class="ticket">
        <p class="notice" role="alert">{t.missingCode}</p>
      </main>
    );
  if (search.has('book')) return <BookPage />;
  return <TakeNumberPage />;
}

/** The page of the address; one page may lead to another in place (navigate.ts). */
function App() {
  const [search, setSearch] = useState(location.search);
  useEffect(() => {
    const moved = () => setSearch(location.search);
    addEventListener('popstate', moved);
    return () => removeEventListener('popstate', moved);
  }, []);
  return <Page key={search} search={search} />;
}

render(<App />, document.getElementById('app')!);
