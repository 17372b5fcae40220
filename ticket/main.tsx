import { render } from 'preact';
import { ticketIdFromSearch } from './ticket-id';
import { TicketPage } from './ticket-page';
import { texts as t } from './texts';
import './style.css';

function App() {
  const ticketId = ticketIdFromSearch(location.search);
  if (!ticketId)
    return (
      <main class="ticket">
        <p class="notice" role="alert">{t.missingId}</p>
      </main>
    );
  return <TicketPage ticketId={ticketId} />;
}

render(<App />, document.getElementById('app')!);
