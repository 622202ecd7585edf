/** gas-local ships no types: its `require` evaluates a folder's files in one vm context made from `globals`. */
declare module 'gas-local' {
  export function require(
    folder: string,
    globals: object,
    options?: { filter?: (file: string) => boolean },
  ): Record<string, unknown>;
}
