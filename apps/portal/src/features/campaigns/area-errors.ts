import { useTranslation } from 'react-i18next';
import { placeFieldErrors, type FieldProblem } from '../../api/problem';
import { wordAreaCodes } from './form-helpers';

/**
 * A campaign-area form's errors as shown: this area's codes worded, each
 * placed on the field (or nearest group) of `paths` that shows it.
 */
export function useAreaErrors(errors: readonly FieldProblem[], paths: readonly string[]) {
  const { t } = useTranslation();
  const shown = wordAreaCodes(errors, (code) => t(`campaignsArea.fieldError.${code}`));
  const placed = placeFieldErrors(shown, paths);
  return { shown, placed, at: (path: string) => placed.byField.get(path) ?? [] };
}
