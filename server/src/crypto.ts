/** node:crypto's SHA-256 in the shape shared/canonical.ts takes (several times faster than the pure-JS default). */
import { createHash } from 'node:crypto';
import type { Sha256Hex } from '../../shared/canonical.js';

export const nodeSha256: Sha256Hex = (text) => createHash('sha256').update(text).digest('hex');
