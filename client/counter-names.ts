// Counters are named "Quầy 3 – Bảo hiểm xã hội"; where the number is already shown large,
// only the part after it is worth the space.
export function counterSubtitle(name: string, counterId: number): string {
  const stripped = name.replace(new RegExp(`^\\s*Quầy\\s*${counterId}\\s*[–-]\\s*`, 'i'), '');
  return stripped || name;
}
