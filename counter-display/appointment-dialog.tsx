// "Đặt lịch hẹn": booking a slot for a caller, or finding a booking by its code to read it
// back or cancel it. Opened from the officer's desk and the hall guide's screen.
import { useEffect, useState } from 'preact/hooks';
import type { CentreConfig } from '@protocol/config';
import { BookForCaller } from './book-for-caller';
import { BookingLookUp } from './booking-look-up';
import { texts as t } from './texts';

export function AppointmentDialog(props: { token: string; config: CentreConfig; now: number; onClose: () => void }) {
  const [tab, setTab] = useState<'book' | 'find'>('book');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [props.onClose]);
  const common = { token: props.token, config: props.config, now: props.now, onClose: props.onClose };
  return (
    <div class="dialog-backdrop">
      <div class="dialog appointment-dialog" role="dialog" aria-modal="true" aria-label={t.bookTitle}>
        <h2>{t.bookTitle}</h2>
        <div class="dialog-tabs" role="tablist">
          {(['book', 'find'] as const).map((id) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} class={tab === id ? 'chosen' : ''} data-tab={id} onClick={() => setTab(id)}>
              {id === 'book' ? t.bookTabNew : t.bookTabFind}
            </button>
          ))}
        </div>
        {tab === 'book' ? <BookForCaller {...common} /> : <BookingLookUp {...common} />}
      </div>
    </div>
  );
}
