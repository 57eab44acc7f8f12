/**
 * A bounded line for memory-heavy work (parsing uploads, parsing pushes): at most `concurrency` at once per server
 * instance, at most `maxQueued` waiting, the rest refused with 503 `server_busy` so memory stays bounded under a burst.
 */
import { AppError } from './errors.js';

export interface SlotLimits {
  concurrency: number;
  maxQueued: number;
}

export interface Slots {
  run<T>(fn: () => Promise<T>, limits?: SlotLimits): Promise<T>;
}

export function createSlots(defaults: SlotLimits, busy: { id: string; en: string }): Slots {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(fn, limits = defaults) {
      if (active < limits.concurrency) active++;
      else {
        if (waiting.length >= limits.maxQueued) throw new AppError(503, 'server_busy', busy.id, busy.en);
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await fn();
      } finally {
        // Hand the slot straight to the next in line, so a newcomer cannot overtake it.
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
  };
}
