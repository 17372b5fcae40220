// Which page is open, kept in the address (#/bao-cao, #/quan-tri/linh-vuc) so a reload or a
// bookmark comes back to it.
import { useEffect, useState } from 'preact/hooks';

function current(): string[] {
  return location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
}

export function useHashRoute(): string[] {
  const [parts, setParts] = useState(current);
  useEffect(() => {
    const onChange = () => setParts(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parts;
}

export function href(...parts: string[]): string {
  return `#/${parts.join('/')}`;
}
