// localStorage keys: a device token and a staff session are separate, so a PC used as a
// console never turns into a counter display by accident (and the other way round).
export const DEVICE_TOKEN_KEY = 'qms.counter-display.device-token';
export const STAFF_TOKEN_KEY = 'qms.counter-display.staff-token';
