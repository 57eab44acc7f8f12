import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../../http/errors.js';

/** An upload refused for what it contains (or how big it is): always a 4xx with a message a person can act on. */
export class UploadRefused extends AppError {
  constructor(status: ContentfulStatusCode, code: string, message: string, messageEn: string, details?: unknown) {
    super(status, code, message, messageEn, undefined, details);
  }
}
