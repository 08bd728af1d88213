import { type UnitInfo } from '../types';
import { type SheetGrid } from '../grid/types';
import { cellDisplay, normalizeText } from '../grid/text';

export const UNIT_INFO_SHEET = /单位信息|基本信息|单位情况|单位概况|单位简介|报告信息/;

type Key = 'organization' | 'financeBureau' | 'notice' | 'functions' | 'composition' | 'departments' | 'staffing';

const KEYS: readonly (readonly [Key, RegExp])[] = [
  ['organization', /^(单位名称|部门名称|单位)$/],
  ['financeBureau', /财政部门|财政局|主管财政/],
  ['notice', /通知|文件依据|文号/],
  ['functions', /职能职责|主要职能|职责/],
  ['composition', /机构组成|机构设置|组成/],
  ['departments', /机构职能|内设机构|科室/],
  ['staffing', /人员概况|人员情况|编制/],
];

export const EMPTY_UNIT_INFO: UnitInfo = {
  organization: null,
  financeBureau: null,
  notice: null,
  functions: [],
  composition: [],
  departments: [],
  staffing: [],
  sheet: null,
};

/**
 * Reads a 单位信息 sheet: a label in the first column, its text beside it; a row with an empty
 * label continues the text above, and a cell with line breaks gives several paragraphs.
 */
export function readUnitInfo(sheet: SheetGrid): UnitInfo {
  const acc: Record<Key, string[]> = {
    organization: [],
    financeBureau: [],
    notice: [],
    functions: [],
    composition: [],
    departments: [],
    staffing: [],
  };
  let current: Key | null = null;
  for (const row of sheet.rows) {
    const label = normalizeText(cellDisplay(row[0] ?? null));
    const text = row
      .slice(1)
      .map((v) => cellDisplay(v ?? null))
      .filter((t) => t !== '')
      .join(' ');
    if (label !== '') current = KEYS.find(([, re]) => re.test(label))?.[0] ?? null;
    if (!current || text === '') continue;
    for (const p of text.split(/\r?\n/)) if (p.trim() !== '') acc[current].push(p.trim());
  }
  return {
    organization: acc.organization[0] ?? null,
    financeBureau: acc.financeBureau[0] ?? null,
    notice: acc.notice.join('') || null,
    functions: acc.functions,
    composition: acc.composition,
    departments: acc.departments,
    staffing: acc.staffing,
    sheet: sheet.name,
  };
}
