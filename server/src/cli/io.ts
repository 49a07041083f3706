/** What a CLI command may touch of the outside world; tests pass their own. */
import type { Lang } from '../catalog/types';
import { COLOUR, PLAIN, type TextStyle } from '../explain/render-text';
import { resolveLang } from '../i18n/messages';
import { parseLang } from './args';

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readStdin: () => Promise<string>;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function styleFor(io: CliIO): TextStyle {
  return io.stdoutIsTTY && !io.env.NO_COLOR ? COLOUR : PLAIN;
}

/** --lang (checked), else the locale of the environment. */
export function langFor(option: string | undefined, io: CliIO): Lang {
  return resolveLang(parseLang(option), io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
}
