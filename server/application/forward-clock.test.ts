import { describe, expect, it } from 'vitest';
import { ForwardClock, type ClockStep } from './forward-clock';

describe('the queue clock', () => {
  it('follows a clock that moves forward or stands still', () => {
    let wall = 1000;
    const clock = new ForwardClock(() => wall);
    expect(clock.now()).toBe(1000);
    expect(clock.now()).toBe(1000);
    wall = 90_000_000;
    expect(clock.now()).toBe(90_000_000);
  });

  it('goes on from the latest time at the wall clock\'s pace after a step back, reports both times once, and clears when the wall clock is past it', () => {
    let wall = 10_000_000;
    const steps: (ClockStep | null)[] = [];
    const clock = new ForwardClock(() => wall, (s) => steps.push(s));
    clock.now();
    wall -= 120_000; // two minutes back
    expect(clock.now()).toBe(10_000_000);
    wall += 1000;
    expect(clock.now()).toBe(10_001_000);
    expect(steps).toEqual([{ wall: 9_880_000, queue: 10_000_000 }]);
    wall = 10_002_000;
    expect(clock.now()).toBe(10_002_000);
    expect(steps.at(-1)).toBeNull();
  });

  it('holds a small jitter back without an alert', () => {
    let wall = 5_000_000;
    const steps: unknown[] = [];
    const clock = new ForwardClock(() => wall, (s) => steps.push(s));
    clock.now();
    wall -= 300;
    expect(clock.now()).toBe(5_000_000);
    expect(steps).toEqual([]);
  });

  it('never answers earlier than a time the journal already holds', () => {
    const clock = new ForwardClock(() => 1000);
    clock.notBefore(50_000);
    expect(clock.now()).toBe(50_000);
  });
});
