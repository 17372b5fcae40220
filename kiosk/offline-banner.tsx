import type { ConnectionStatus } from '@client/connection';
import { kioskTexts as t } from './texts';

/** Larger than the shared banner: at the kiosk it explains why the buttons do nothing. */
export function OfflineBanner(props: { status: ConnectionStatus }) {
  if (props.status === 'online' || props.status === 'unauthorized') return null;
  return (
    <div class={`kiosk-offline ${props.status}`} role="alert">
      {props.status === 'offline' ? t.offlineBanner : t.connecting}
    </div>
  );
}
