// Everything that draws a ticket: skia (@napi-rs/canvas) with the ticket fonts, the QR code
// and the raster bytes. The printers load this module at the first ticket they print, not at
// start, so a server that prints nothing (a centre printing from another machine, a day of
// phone numbers, the reports) never maps skia and its fonts into memory.
export { buildTicketBytes, escposFromLayout } from './build-ticket-bytes';
export { bitmapToPng } from './bitmap';
export { layoutTicket } from './ticket-layout';
export { paintTicket } from './ticket-preview';
