// What Linux's /proc says of a process the tests look at: its children, a file descriptor's flags.
import { readdirSync, readFileSync } from 'node:fs';

/** The process's children now ('self' or a pid), from the kernel's list for each of its threads. */
export function childPids(pid: number | 'self' = 'self'): string[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean));
}

/** The open flags of one of this process's file descriptors (fdinfo's octal `flags:`). */
export function openFlags(fd: number | string): number {
  return Number.parseInt(/^flags:\s+(\d+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1], 8);
}
