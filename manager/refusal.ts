// The words for a refused request: the server's own Vietnamese per field when it gave them
// (account and upload checks are written in Vietnamese), else the error code's text.
import type { ErrorBody } from '@protocol/errors';
import { errorText } from '@client/texts';

export function refusal(error: ErrorBody): string {
  return error.details?.length ? error.details.map((d) => d.message).join(' ') : errorText(error);
}
