/** Vietnamese words, with and without diacritics, upper and lower case: what text property tests pick from. */
export const SAMPLE_WORDS = ['Việt', 'Nam', 'là', 'nước', 'chủ', 'nhà', 'Hà', 'Nội', 'Đà', 'Nẵng', 'thượng', 'cờ'];
