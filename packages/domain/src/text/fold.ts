/**
 * Folds Vietnamese (and other Latin) text for search: lower case, without
 * diacritics (đ → d), single spaces. "Quang Linh Vlogs" and "quang linh vlog"
 * fold to comparable strings, so diacritics are optional in a query.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@._ -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
