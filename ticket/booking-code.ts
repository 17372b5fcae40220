/** The booking's code from the page address (/ticket/?booking=…), as its QR code writes it; null when it cannot be one. */
export function bookingCodeFromSearch(search: string): string | null {
  const code = new URLSearchParams(search).get('booking')?.trim().toUpperCase();
  // The server's alphabet: no I, O, 0 or 1, which a citizen could misread.
  return code && /^[A-HJ-NP-Z2-9]{6}$/.test(code) ? code : null;
}
