import picocolors from 'picocolors';
import type { CliIo } from '../io.js';

export type Colors = ReturnType<typeof picocolors.createColors>;

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org); FORCE_COLOR wins. */
export function colorsFor(io: Pick<CliIo, 'env' | 'isTTY'>): Colors {
  const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  const disabled = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return picocolors.createColors(forced || (io.isTTY && !disabled));
}
