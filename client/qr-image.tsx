// A QR code drawn in the browser (no network needed): an SVG, so it stays sharp at any size.
import { toString as qrSvg } from 'qrcode/lib/browser';
import { useEffect, useState } from 'preact/hooks';

export function QrImage(props: { text: string; label: string; class?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    qrSvg(props.text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((svg) => current && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => current && setSrc(null));
    return () => {
      current = false;
    };
  }, [props.text]);
  const cls = `qr-image ${props.class ?? ''}`;
  return src ? <img class={cls} src={src} alt={props.label} data-qr-text={props.text} /> : <div class={cls} aria-hidden="true" />;
}
