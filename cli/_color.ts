// The one place that knows ANSI colour codes, and when to use them.

/** The styles the tool uses. */
export type Style = "bold" | "dim" | "red" | "green" | "yellow" | "cyan" | "magenta";

const CODES: Readonly<Record<Style, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  magenta: [35, 39],
};

/** Styles text, or returns it as it is when colour is off. */
export type Paint = (style: Style | undefined, text: string) => string;

/**
 * A {@linkcode Paint} that colours only when `enabled`: pass
 * {@linkcode colorWanted} for standard output.
 */
export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) => {
    if (style === undefined || text === "") return text;
    const [open, close] = CODES[style];
    return `\x1b[${open}m${text}\x1b[${close}m`;
  };
}

/** `--color`: `auto` (the default), `always` or `never`. */
export const COLOR_MODES = ["auto", "always", "never"] as const;

/** A mode of {@linkcode COLOR_MODES}. */
export type ColorMode = typeof COLOR_MODES[number];

/**
 * Whether standard output should be coloured: as `mode` says, and for
 * `auto` when it is a terminal and `NO_COLOR` is unset (`Deno.noColor`
 * reads it without `--allow-env`).
 */
export function colorWanted(mode: ColorMode = "auto"): boolean {
  if (mode !== "auto") return mode === "always";
  return Deno.stdout.isTerminal() && !Deno.noColor;
}
