/**
 * A library loaded on its first use, once. The spreadsheet and PDF libraries take some 40 MB of
 * memory; most requests, and many processes, never need them.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load();
    return loading;
  };
}

/** exceljs, for reading and writing xlsx. */
export const excel = lazy(async () => (await import("exceljs")).default);
/** pdf-lib, for binding PDFs together. */
export const pdfLib = lazy(() => import("pdf-lib"));
