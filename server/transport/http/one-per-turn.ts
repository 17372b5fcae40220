// Sign-ins come in bursts: a guessing script sends hundreds at once, and each costs the main
// thread about a millisecond of parsing, checks and answering even when it is refused before
// any hashing. Handled as they arrive, a whole burst runs in the loop turn it arrived in, and
// a ticket issued beside it waits for every one (its fsync's completion is only seen in the
// next turn). Here such requests wait in line and one goes on per turn of the event loop
// (setImmediate), so the queue's own requests and completions are served between them. The
// line is bounded: past it a request is refused at once, unread.
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface OnePerTurnOptions {
  /** Requests waiting beyond this are refused. */
  maxWaiting: number;
  refuse(req: Request, res: Response): void;
}

export function onePerTurn({ maxWaiting, refuse }: OnePerTurnOptions): RequestHandler {
  const waiting: NextFunction[] = [];
  let scheduled = false;
  const runOne = () => {
    scheduled = false;
    waiting.shift()?.();
    if (waiting.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(runOne);
  };
  return (req, res, next) => {
    if (waiting.length >= maxWaiting) return refuse(req, res);
    waiting.push(next);
    schedule();
  };
}
