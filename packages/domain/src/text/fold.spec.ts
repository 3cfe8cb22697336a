import { describe, expect, it } from '@jest/globals';
import { foldText } from './fold';

describe('foldText', () => {
  it.each([
    ['Nguyễn Thị Hồng Nhung', 'nguyen thi hong nhung'],
    ['Đà Nẵng', 'da nang'],
    ['đường Điện Biên Phủ', 'duong dien bien phu'],
    ['Quang Linh Vlogs', 'quang linh vlogs'],
    ['quang linh vlog', 'quang linh vlog'],
    ['Trường Sơn', 'truong son'],
    ['Hướng về lá cờ Tổ quốc', 'huong ve la co to quoc'],
    ['ĐẶNG ỶLAN', 'dang ylan'],
    ['Huế', 'hue'],
    ['Cà phê', 'ca phe'],
  ])('folds %j to %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('treats precomposed and decomposed Unicode alike', () => {
    const nfc = 'Nguyễn Thị Hồng Nhung'.normalize('NFC');
    const nfd = 'Nguyễn Thị Hồng Nhung'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldText(nfd)).toBe(foldText(nfc));
  });

  it.each([
    ['  Hà   Nội  ', 'ha noi'],
    ['Hà\tNội\nViệt Nam', 'ha noi viet nam'],
    ['', ''],
    ['   ', ''],
  ])('collapses and trims whitespace: %j → %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it.each([
    ['Khoa Pug!!! (official)', 'khoa pug official'],
    ['@hong.nhung_vn-1', '@hong.nhung_vn-1'],
    ['#DuLịch, #VănHóa', 'dulich vanhoa'],
  ])('keeps handle characters and drops punctuation: %j → %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('makes diacritics optional: query without marks matches the folded name', () => {
    expect(foldText('Nguyễn Thị Hồng Nhung')).toContain(foldText('hong nhung'));
  });
});
