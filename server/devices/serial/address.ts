// Every device on a bus answers to its counter's number, written as three ASCII digits.
export const MIN_ADDRESS = 1;
export const MAX_ADDRESS = 999;

export function encodeAddress(counterId: number): string {
  if (!Number.isInteger(counterId) || counterId < MIN_ADDRESS || counterId > MAX_ADDRESS) {
    throw new RangeError(`counter id ${counterId} is not an address ${MIN_ADDRESS}…${MAX_ADDRESS}`);
  }
  return String(counterId).padStart(3, '0');
}

export function decodeAddress(text: string): number | null {
  if (!/^\d{3}$/.test(text)) return null;
  const n = Number(text);
  return n >= MIN_ADDRESS ? n : null;
}
