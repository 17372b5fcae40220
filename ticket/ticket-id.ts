/** The ticket id from the page address (/ticket/?id=…), as the QR code on the paper writes it. */
export function ticketIdFromSearch(search: string): string | null {
  const id = new URLSearchParams(search).get('id');
  return id && /^[A-Za-z0-9_-]{6,40}$/.test(id) ? id : null;
}
