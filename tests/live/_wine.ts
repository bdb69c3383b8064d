// What the live tests share: whether the real DLLs are here, whether they are
// Wine's, and `live`, a test that runs only where they are.

/** Whether this is Windows (or Wine), where the live DLLs are. */
export const windows = Deno.build.os === "windows";

/** Wine's ntdll exports wine_get_version; Windows' does not. */
function wineVersion(): string | undefined {
  const ntdll = Deno.dlopen("ntdll.dll", {
    wine_get_version: { parameters: [], result: "pointer", optional: true },
  });
  try {
    const version = ntdll.symbols.wine_get_version?.();
    return version ? Deno.UnsafePointerView.getCString(version) : undefined;
  } finally {
    ntdll.close();
  }
}

/** Wine's version under Wine; undefined on Windows and elsewhere. */
export const wine = windows ? wineVersion() : undefined;

/** A test of the live DLLs: ignored off Windows, its name saying when it ran under Wine. */
export const live = (name: string, fn: () => void | Promise<void>): void =>
  Deno.test({ name: `live${wine ? ` (Wine ${wine})` : ""}: ${name}`, ignore: !windows, fn });
