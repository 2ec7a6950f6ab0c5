// The limits on a workbook read back, apart from the code that reads it so that the page can refuse a
// file too large before reading it into memory.

/** The largest file read: a monitoring sheet of 20,000 rows is a few megabytes. */
export const MAX_WORKBOOK_BYTES = 16 * 1024 * 1024;
/** The most all parts may unpack to together. */
export const MAX_UNPACKED_BYTES = 96 * 1024 * 1024;
/** The most parts a workbook may hold. */
export const MAX_PARTS = 2_000;
/** The most rows in all sheets together, and the most cells. */
export const MAX_ROWS = 20_000;
export const MAX_CELLS = 1_000_000;
