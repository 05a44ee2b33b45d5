/**
 * The contract's header table (SPEC.md, `tiendo from-csv`): which column holds
 * what, recognised in Vietnamese or English without regard to case, spaces or
 * diacritics ("TỔNG SỐ MÔ HÌNH", "tong so mo hinh" and "Tổng  số mô hình" are
 * one header). Any other header is a metric named by it; "(tổng)" / "(total)"
 * and "(tỷ lệ)" / "(rate)" after a metric's name are its total and reported rate.
 */
import { slugify } from '../places/names.js';

export type Field = 'id' | 'code' | 'name' | 'total' | 'completed' | 'inProgress' | 'notStarted';
export type Part = 'value' | 'total' | 'rate';

/** Documented header names (lower case, single spaces), Vietnamese and English, and the variants officers write ("Tên tỉnh", "Mã tỉnh"). */
export const FIELD_HEADERS: Readonly<Record<string, Field>> = {
  id: 'id',
  mã: 'code',
  'mã tỉnh': 'code',
  code: 'code',
  tỉnh: 'name',
  'tên tỉnh': 'name',
  'tỉnh, thành phố': 'name',
  'tỉnh/thành phố': 'name',
  province: 'name',
  'tổng số mô hình': 'total',
  'models total': 'total',
  'hoàn thành': 'completed',
  completed: 'completed',
  'đang triển khai': 'inProgress',
  'in progress': 'inProgress',
  'chưa triển khai': 'notStarted',
  'not started': 'notStarted',
};

/** The model columns, in the contract's order. */
export const MODEL_FIELDS = ['total', 'completed', 'inProgress', 'notStarted'] as const;

/** A header as shown back to the officer: NFC, inner white space folded, trimmed. */
export function cleanHeader(header: string): string {
  return header.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A header as matched before: NFC, inner white space folded, trimmed, lower case (diacritics kept). */
export function headerKey(header: string): string {
  return cleanHeader(header).toLowerCase();
}

/** A header as recognised: no diacritics (`đ` → `d`), no case, no white space at all. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, '');
}

const FIELDS_FOLDED = new Map(Object.entries(FIELD_HEADERS).map(([header, field]) => [foldHeader(header), field]));

const PARTS: Readonly<Record<string, Part>> = { tong: 'total', total: 'total', tyle: 'rate', tile: 'rate', rate: 'rate' };

/** What one header stands for: a documented field, or a part of a metric (by its name). */
export type HeaderMeaning = { field: Field } | { metric: string; part: Part };

/** Reads one header (already cleaned, not empty). */
export function headerMeaning(header: string): HeaderMeaning {
  const field = FIELDS_FOLDED.get(foldHeader(header));
  if (field) return { field };
  const m = /^(.*?)\s*\(\s*([^()]*?)\s*\)$/u.exec(header);
  const part = m ? PARTS[foldHeader(m[2])] : undefined;
  if (m && part && m[1].trim()) return { metric: m[1].trim(), part };
  return { metric: header, part: 'value' };
}

/** The id of a metric named by a header ("Hồ sơ trực tuyến" → "ho-so-truc-tuyen"). */
export function metricId(name: string): string {
  return slugify(name);
}

export { slugify };
