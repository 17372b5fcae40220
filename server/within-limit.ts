// Waiting for start-up work with a bound: the server answers after the limit even if the work
// (the voice's clips, the reports' warm-up) hangs, and the work goes on meanwhile.

/** `work`'s value once it ends within `limitMs`; null when the limit came first. */
export async function withinLimit<T>(work: Promise<T>, limitMs: number): Promise<{ value: T } | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), limitMs)));
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
