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
/** A box this close (px) to a strip's cut edge is a line cut by it: it is read whole from the next strip. */
export const DETECT_EDGE_PX = 2;
/** Boxes of two strips sharing this share of the smaller one's area are one line. */
export const SAME_LINE_OVERLAP = 0.5;
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
/**
 * A scanned line breaks where JPEG and noise lighten it: runs of ink at least this long
 * (px) in line with a ruling (centres within RULING_ALIGN_PX) and at most
 * RULING_JOIN_GAP_PX from it continue it. Shorter than a glyph: a cell edge between two
 * breaks can be short.
 */
export const RULING_PIECE_PX = 12;
export const RULING_ALIGN_PX = 2;
export const RULING_JOIN_GAP_PX = 8;
/** A vertical ruling ends at or crosses a horizontal one within this many px (else it is a stroke of large text). */
export const RULING_MEETS_PX = 6;
/** A ruling is at most this thick (px); thicker dark areas are shading or images. */
export const MAX_RULING_THICKNESS_PX = 9;

/** Pixels painted out either side of a found ruling: its blurred edge. */
export const ERASE_MARGIN_PX = 2;

/** An empty cell is searched for ink this far inside its rulings (their blurred edges stay out). */
export const CELL_INSET_PX = 5;
/** A connected piece of ink of fewer pixels than this is a speck of scanner noise, not a stroke. */
export const MIN_PIECE_PX = 12;

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
/** A detected box this share of which lies in larger boxes is a duplicate of their text. */
export const MAX_BOX_OVERLAP = 0.5;
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
/**
 * A step where the recognizer gives a comparison sign (≥ ≤ < > =) at least this
 * probability, even when another class wins, is looked at again by the sign check: a
 * small ≥ is often read as `2`, and a ≤ dropped.
 */
export const SIGN_HINT_P = 0.01;
/** The sign check looks this far (shares of the line's height) either side of a hint. */
export const SIGN_WINDOW = 0.6;
/** A chevron's point lies at least this share of its width beyond both its ends (the mean ink of its middle rows against its top and bottom rows). */
export const SIGN_CHEVRON_POINT = 0.25;
/** A chevron's shape is read with its light edges: pixels darker than this, up to this many px around its ink. */
export const SIGN_SHAPE_INK = 200;
export const SIGN_SHAPE_GROW_PX = 3;
/** The two bars of `=` differ in length and start by at most this share of the longer (those of 二 differ more). */
export const SIGN_EQUAL_BARS = 0.25;
/** A crop the recognizer read as at most this many characters is looked at as one lone glyph. */
export const SIGN_LONE_MAX_CHARS = 2;
/** A sign is at least this share of its line's crop high (specks and dots are smaller). */
export const SIGN_MIN_HEIGHT = 0.2;
/** The bar under a ≥ is at least this many times as wide as it is high. */
export const SIGN_BAR_RATIO = 2;
/**
 * A sign the ink shows (a chevron over a bar) is trusted at least this much: above
 * MIN_CONFIDENCE, as the recognizer and the ink agree, or the ink is unambiguous.
 */
export const SIGN_CHECKED_CONFIDENCE = 0.95;
/** Images larger than this many pixels are not rendered for OCR (a hostile page). */
export const MAX_RENDER_PIXELS = 40_000_000;
