// The poster at the entrance (/ticket/?poster): printed on A4 by a manager, its QR code opens
// the take-a-number page on the centre's Wi-Fi.
import { QrImage } from '@client/qr-image';
import { texts as t } from './texts';

export function PhonePoster() {
  const target = `${location.origin}/ticket/`;
  return (
    <main class="poster">
      <h1>{t.posterTitle}</h1>
      <QrImage text={target} label={t.posterTitle} class="poster-qr" />
      <ol>
        {t.posterSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p class="poster-address">{target}</p>
    </main>
  );
}
