/**
 * The OCR reader's tolerances, in one place (as pdfplumber keeps its table settings): what
 * resolution pages are rendered at, what counts as ink, as a ruling, as a text box, and
 * which confidence is too low to trust. Pixel lengths are at RENDER_DPI.
 */

/** Pages are rendered at this resolution: 10.5 pt text is then about 29 px high. */
export const RENDER_DPI = 200;
/** Text detection runs on the page scaled by this (150 dpi: enough for the DB model, and faster). */
export const DETECT_SCALE = 0.75;
/** Detection runs on strips this high (px at detection scale), overlapping by more than a line. */
export const DETECT_STRIP_PX = 416;
export const DETECT_OVERLAP_PX = 64;
/** The recognizer's input height (PP-OCRv4's). */
export const REC_HEIGHT = 48;
/** The widest crop the recognizer is given, in its own pixels (longer lines are split). */
export const REC_MAX_WIDTH = 1600;
/** Lines recognized in one call of the model: similar widths are batched. */
export const REC_BATCH = 8;
/** …and at most this wide together (the model's memory grows with it). */
export const REC_BATCH_WIDTH = 2400;

/** A pixel darker than this (0–255) is ink, for rulings and skew. */
export const INK_LEVEL = 150;
/**
 * A dark run at least this long (px) is a ruling candidate. Horizontal: longer than the
 * strokes of a line of bold text, whose 一-like strokes nearly touch from glyph to glyph.
 * Vertical: longer than a glyph is high, shorter than one row of a table.
 */
export const MIN_H_RULING_PX = 90;
export const MIN_V_RULING_PX = 40;
/** Dark runs separated by at most this many light pixels (noise, JPEG) are one run. */
export const RULING_GAP_PX = 1;
/** A ruling is at most this thick (px); thicker dark areas are shading or images. */
export const MAX_RULING_THICKNESS_PX = 9;

/** Pixels painted out either side of a found ruling: its blurred edge. */
export const ERASE_MARGIN_PX = 2;

/** An empty cell is searched for ink this far inside its rulings (their blurred edges stay out). */
export const CELL_INSET_PX = 5;
/** Fewer ink pixels than this in an empty cell are dust, not a mark. */
export const MIN_CELL_INK_PX = 12;

/** The page's skew is searched within ± this many degrees, in SKEW_STEP steps. */
export const MAX_SKEW_DEGREES = 2;
export const SKEW_STEP_DEGREES = 0.05;
/** Skew smaller than this is left alone. */
export const MIN_SKEW_DEGREES = 0.05;

/** DB text detection: probability above which a pixel is text, and a box's mean score to keep it. */
export const DB_PIXEL_THRESHOLD = 0.3;
export const DB_BOX_THRESHOLD = 0.5;
/** How far a detected text kernel is grown back to the full text box (PaddleOCR's unclip ratio). */
export const DB_UNCLIP_RATIO = 1.6;
/** Paper added around a detected box before it is recognized, as shares of its height. */
export const CROP_PAD_X = 0.3;
export const CROP_PAD_Y = 0.08;
/** A detected box this many times the page's median line height holds stacked lines. */
export const STACKED_LINE_RATIO = 1.6;
/** Detected boxes smaller than this (px at detection scale) are specks. */
export const DB_MIN_SIZE = 3;

/**
 * A cell whose weakest recognized line has a mean character probability below this is not
 * trusted: its text is kept, a diagnostic names the cell, and the document is partial.
 */
export const MIN_CONFIDENCE = 0.85;
/** The page is upside down when this share of its sampled lines is classified as turned. */
export const UPSIDE_DOWN_SHARE = 0.6;
/** Lines sampled for the orientation check. */
export const ORIENTATION_SAMPLE = 24;
/** Images larger than this many pixels are not rendered for OCR (a hostile page). */
export const MAX_RENDER_PIXELS = 40_000_000;
