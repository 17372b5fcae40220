import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { onePerTurn } from './one-per-turn';

const turn = () => new Promise<void>((r) => setImmediate(r));
const req = {} as Request;
const res = {} as Response;

describe('onePerTurn', () => {
  it('lets a burst through one request per turn of the event loop, in arrival order', async () => {
    const refused: number[] = [];
    const passed: number[] = [];
    const line = onePerTurn({ maxWaiting: 10, refuse: () => refused.push(1) });
    for (let i = 0; i < 3; i++) line(req, res, (() => passed.push(i)) as NextFunction);
    expect(passed).toEqual([]);
    await turn();
    expect(passed).toEqual([0]);
    await turn();
    expect(passed).toEqual([0, 1]);
    await turn();
    expect(passed).toEqual([0, 1, 2]);
    expect(refused).toEqual([]);
  });

  it('refuses at once what arrives while the line is full, and takes requests again once it moves', async () => {
    const refused: number[] = [];
    const passed: number[] = [];
    const line = onePerTurn({ maxWaiting: 2, refuse: () => refused.push(1) });
    for (let i = 0; i < 3; i++) line(req, res, (() => passed.push(i)) as NextFunction);
    expect(refused).toHaveLength(1);
    await turn();
    line(req, res, (() => passed.push(3)) as NextFunction);
    expect(refused).toHaveLength(1);
    await turn();
    await turn();
    expect(passed).toEqual([0, 1, 3]);
  });
});
