// The public face above the counter: which counter this is and the number being served,
// in type big enough to read from five metres; a quiet screen when the counter is paused
// or closed so nobody walks up expecting service.
import { useEffect } from 'preact/hooks';
import type { CounterView } from '@protocol/events';
import { counterSubtitle } from '@client/counter-names';
import { useConnection, useStored } from '@client/hooks';
import { ConnectionBanner, Pairing } from '@client/pairing';
import { DEVICE_TOKEN_KEY } from './storage-keys';
import { texts as t } from './texts';

export function CounterScreen() {
  const [token, setToken] = useStored(DEVICE_TOKEN_KEY);
  if (!token) return <Pairing role="counter-display" onPaired={setToken} />;
  return <PairedCounterScreen token={token} onRevoked={() => setToken(null)} />;
}

function PairedCounterScreen(props: { token: string; onRevoked: () => void }) {
  const { data } = useConnection(props.token);
  useEffect(() => {
    // A revoked device goes back to pairing instead of showing a stale number forever.
    if (data.status === 'unauthorized') props.onRevoked();
  }, [data.status]);

  const view = data.counter;
  return (
    <div class={`counter-screen status-${view?.status ?? 'loading'}`} data-status={view?.status ?? 'loading'}>
      <ConnectionBanner status={data.status} />
      {view ? <CounterFace view={view} /> : <p class="cs-loading">{t.loading}</p>}
    </div>
  );
}

function CounterFace({ view }: { view: CounterView }) {
  return (
    <>
      <header class="cs-head">
        <div class="cs-counter">
          <span class="cs-counter-word">{t.counter}</span>
          <span class="cs-counter-id">{view.counterId}</span>
        </div>
        <div class="cs-name">{counterSubtitle(view.name, view.counterId)}</div>
      </header>
      <section class="cs-body">
        <CounterBody view={view} />
      </section>
      {view.staff && view.status !== 'closed' && (
        <footer class="cs-foot">
          {t.staffLabel}: <strong>{view.staff.name}</strong>
        </footer>
      )}
    </>
  );
}

function CounterBody({ view }: { view: CounterView }) {
  if (view.status === 'closed') {
    return (
      <div class="cs-quiet">
        <div class="cs-quiet-title">{t.closed}</div>
        <div class="cs-quiet-hint">{t.closedHint}</div>
      </div>
    );
  }
  if (view.status === 'paused') {
    return (
      <div class="cs-quiet">
        <div class="cs-quiet-title">{t.paused}</div>
        {view.pauseReason && <div class="cs-reason">{view.pauseReason}</div>}
        <div class="cs-quiet-hint">{t.pausedHint}</div>
      </div>
    );
  }
  if (!view.current) {
    return (
      <div class="cs-idle">
        <div class="cs-number cs-number-empty">—</div>
        <div class="cs-caption">{t.waitForCall}</div>
      </div>
    );
  }
  const { current } = view;
  return (
    <div class="cs-serving">
      <div class="cs-caption">{t.servingNumber}</div>
      {/* The key remounts the number on each call and recall, so its flash plays again. */}
      <div class="cs-number" key={`${current.ticketId}:${current.callCount}`}>
        {current.label}
      </div>
      <div class="cs-field">{current.serviceName}</div>
    </div>
  );
}
