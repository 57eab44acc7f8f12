/**
 * Free text that the server stores in a plain text column (a version message, a unit name, an SK number, a
 * meeting's decision…). A lone UTF-16 surrogate — half of a broken emoji, say — has no UTF-8 form: the database
 * driver would store U+FFFD in its place without a word. Such text is refused instead, so nothing changes silently.
 * (Row contents need no such check: they are stored as canonical JSON, which escapes a lone surrogate.)
 */
import { z } from 'zod';

// With the u flag a well-formed pair is one code point; only a lone half is in the Cs (surrogate) category.
const LONE_SURROGATE = /\p{Cs}/u;

export const BROKEN_TEXT_MESSAGE = 'teks berisi karakter rusak (separuh pasangan surrogate Unicode); ketik ulang teks ini';

export const isWellFormedText = (s: string) => !LONE_SURROGATE.test(s);

/** z.string() that refuses broken Unicode; chain .trim(), .min(), .max() as usual. */
export const plainText = () => z.string().refine(isWellFormedText, BROKEN_TEXT_MESSAGE);
