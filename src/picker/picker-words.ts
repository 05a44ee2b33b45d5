import { addWords } from '../i18n/messages.js';

/** The picker's words (vi, en), fetched with the picker. */
export const pickerMsg = addWords({
  vi: {
    'picker.province': 'Chọn tỉnh, thành phố',
    'picker.commune': 'Chọn xã, phường',
    'picker.allCommunes': 'Toàn tỉnh',
    'picker.unknown': 'Địa chỉ trang chọn "{id}", không có trong nguồn dữ liệu; giữ lựa chọn mặc định.',
  },
  en: {
    'picker.province': 'Choose a province',
    'picker.commune': 'Choose a commune',
    'picker.allCommunes': 'Whole province',
    'picker.unknown': 'The page address chooses "{id}", which is not in the feed; keeping the default choice.',
  },
});
