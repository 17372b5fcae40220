// Appointments: the slots of a field, booking one (from the phone page, by an officer for a
// caller, or by the one-stop-shop software over HTTP), looking a booking up by its code,
// cancelling it, and checking it in at the kiosk or on the phone, which makes its ticket.
// Every rule is the pure core's (server/core/appointments.ts); the book is the BookingStore's.
import { randomBytes, randomInt } from 'node:crypto';
import { BOOKING_CODE_LENGTH, BOOKING_CODE_LETTERS, bookingCodeSchema, type Booking, type BookingView, type BookingVia } from '@protocol/appointments';
import { QueueError } from '@protocol/errors';
import type { Principal } from '@protocol/events';
import { localDay } from '@protocol/local-time';
import type { TicketSource } from '@protocol/queue';
import { bookableDays, bookedInSlot, bookingState, cancelRefusal, checkInWindow, decideBooking, decideCheckIn, slotsOfDay, slotStartsAt } from '../../core/appointments';
import { normalizePhoneNumber } from '../../core/phone-numbers';
import type { AppContext } from '../context';
import type { Handlers } from '../operation-handler';
import { issuedTicketView, serviceName } from '../views';
import { printTicket } from './tickets';

const newCode = () => Array.from({ length: BOOKING_CODE_LENGTH }, () => BOOKING_CODE_LETTERS[randomInt(BOOKING_CODE_LETTERS.length)]).join('');
const newId = () => randomBytes(9).toString('base64url');

const viaByRole: Partial<Record<Principal['role'], BookingVia>> = { public: 'phone', staff: 'staff', guide: 'staff', manager: 'api' };
const checkInSource: Partial<Record<Principal['role'], TicketSource>> = { kiosk: 'kiosk', public: 'phone', staff: 'counter', guide: 'guide', manager: 'api' };

/** "0912345678" → "09•• ••• 678": enough for the citizen to recognise, nothing for a passer-by. */
function maskPhone(phone: string): string {
  return `${phone.slice(0, 2)}•• ••• ${phone.slice(-3)}`;
}

function bookingView(ctx: AppContext, booking: Booking): BookingView {
  const config = ctx.centre.get();
  const window = checkInWindow(config, booking);
  return {
    code: booking.code,
    serviceId: booking.serviceId,
    serviceName: serviceName(config, booking.serviceId),
    day: booking.day,
    start: booking.start,
    end: booking.end,
    phoneMasked: maskPhone(booking.phone),
    ...(booking.name !== undefined ? { name: booking.name } : {}),
    state: bookingState(config, booking, ctx.clock()),
    checkInFrom: window.from,
    checkInUntil: window.until,
    timeZone: config.centre.timeZone,
    serverTime: ctx.clock(),
    ...(booking.ticketId ? { ticketId: booking.ticketId } : {}),
  };
}

function byCode(ctx: AppContext, code: unknown): Booking {
  const parsed = bookingCodeSchema.safeParse(code);
  const booking = parsed.success ? ctx.bookings.byCode(parsed.data) : undefined;
  if (!booking) throw new QueueError('unknown-booking');
  return booking;
}

export const appointmentHandlers: Handlers<'appointments:slots' | 'appointment:book' | 'appointment:look-up' | 'appointments:day' | 'appointment:cancel' | 'appointment:check-in'> = {
  'appointments:slots'(ctx, { input: { serviceId, day } }) {
    const config = ctx.centre.get();
    if (!config.appointments.enabled) throw new QueueError('appointments-off');
    const bookings = ctx.bookings.all();
    const now = ctx.clock();
    return {
      days: bookableDays(config, now),
      // A slot that has begun can no longer be booked, so it is not offered.
      slots: slotsOfDay(config, serviceId, day)
        .filter((s) => slotStartsAt(config, day, s.start) > now)
        .map((s) => ({ ...s, free: Math.max(0, s.capacity - bookedInSlot(bookings, serviceId, day, s.start)) })),
    };
  },

  async 'appointment:book'(ctx, { who, input }) {
    const phone = normalizePhoneNumber(input.phone);
    if (!phone) throw new QueueError('invalid-phone');
    const booking = await ctx.bookings.change((bookings) => {
      const d = decideBooking(bookings, { ...input, phone, via: viaByRole[who.role] ?? 'api' }, { now: ctx.clock(), config: ctx.centre.get(), newId, newCode });
      if (!d.ok) throw new QueueError(d.code);
      return { bookings: [...bookings, d.booking], result: d.booking };
    });
    return bookingView(ctx, booking);
  },

  'appointment:look-up': (ctx, { input }) => bookingView(ctx, byCode(ctx, input.code)),

  'appointments:day'(ctx, { input }) {
    const day = input.day ?? localDay(ctx.clock(), ctx.centre.get().centre.timeZone);
    const order = (b: Booking) => `${b.start} ${b.serviceId} ${String(b.bookedAt).padStart(15, '0')}`;
    return ctx.bookings
      .all()
      .filter((b) => b.day === day)
      .sort((a, b) => (order(a) < order(b) ? -1 : 1))
      .map((b) => bookingView(ctx, b));
  },

  async 'appointment:cancel'(ctx, { input }) {
    const { id } = byCode(ctx, input.code);
    const booking = await ctx.bookings.change((bookings) => {
      const current = bookings.find((b) => b.id === id)!;
      const refused = cancelRefusal(ctx.centre.get(), current, ctx.clock());
      if (refused) throw new QueueError(refused);
      if (current.status === 'cancelled') return { bookings, result: current };
      const cancelled: Booking = { ...current, status: 'cancelled', cancelledAt: ctx.clock() };
      return { bookings: bookings.map((b) => (b.id === id ? cancelled : b)), result: cancelled };
    });
    return bookingView(ctx, booking);
  },

  /**
   * Checks a booking in: its ticket goes first in its field from the slot's start. The ticket is
   * made first (the core gives the same ticket for the same booking again), then the booking is
   * marked, so a retry after a failed write finds the one ticket.
   */
  async 'appointment:check-in'(ctx, { who, input }) {
    const { id } = byCode(ctx, input.code);
    const ticketId = await ctx.bookings.change(async (bookings) => {
      const current = bookings.find((b) => b.id === id)!;
      const config = ctx.centre.get();
      const decision = decideCheckIn(config, current, ctx.clock());
      if (!decision.ok) {
        if (decision.code === 'already-checked-in' && current.ticketId) return { bookings, result: current.ticketId };
        throw new QueueError(decision.code);
      }
      const issued = await ctx.queue.run({
        type: 'issue',
        serviceId: current.serviceId,
        priority: false,
        source: checkInSource[who.role] ?? 'api',
        ...(who.role === 'kiosk' && who.id ? { deviceId: who.id } : {}),
        appointment: { bookingId: current.id, dueAt: decision.dueAt },
      });
      const checkedIn: Booking = { ...current, status: 'checked-in', checkedInAt: ctx.clock(), ticketId: issued.ticketId! };
      return { bookings: bookings.map((b) => (b.id === id ? checkedIn : b)), result: issued.ticketId! };
    });
    const ticket = ctx.queue.state.tickets[ticketId];
    const view = issuedTicketView(ctx.queue.state, ctx.centre.get(), ticket, false, ctx.baseUrl(), ctx.waits.basis());
    // Checked in at the kiosk: the citizen gets paper like any kiosk number.
    if (who.role === 'kiosk') view.printed = await printTicket(ctx, ticket, view);
    return view;
  },
};
