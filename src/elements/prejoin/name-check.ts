/** The contract's display-name rule (the endpoint applies the same one), as the catalog key of its verdict. */
import { DISPLAY_NAME_MESSAGES, checkDisplayName } from '../../contract/display-name.js';

export type NameProblem = 'prejoin.name.required' | 'prejoin.name.too-long' | 'prejoin.name.invalid';

export function nameProblem(value: string): NameProblem | null {
  const check = checkDisplayName(value);
  if (check.ok) return null;
  if (check.message === DISPLAY_NAME_MESSAGES.empty) return 'prejoin.name.required';
  if (check.message === DISPLAY_NAME_MESSAGES.tooLong) return 'prejoin.name.too-long';
  return 'prejoin.name.invalid';
}
