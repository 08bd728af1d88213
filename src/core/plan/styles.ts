import { type CellStyleName } from './types';

/** The look of each named style, in terms both adapters understand. */
export interface CellLook {
  readonly bold?: boolean;
  readonly size?: number;
  readonly font?: string;
  readonly color?: string;
  readonly fill?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
  readonly border?: boolean;
  /** Excel number format. '@' for text. */
  readonly numberFormat?: string;
  /** First-line indent in characters (paragraphs). */
  readonly indent?: number;
}

const WAN = '#,##0.00';
const PCT = '0.00%';
const PTS = '+0.00;-0.00;0.00';
const HEAD_FILL = '#DDEBF7';
const TOTAL_FILL = '#F2F2F2';

export const STYLES: Readonly<Record<CellStyleName, CellLook>> = {
  title: { bold: true, size: 16, align: 'center', wrap: true },
  subtitle: { size: 10, color: '#595959', align: 'left' },
  header: { bold: true, fill: HEAD_FILL, align: 'center', wrap: true, border: true, numberFormat: '@' },
  text: { border: true, numberFormat: '@', wrap: true },
  wan: { border: true, numberFormat: WAN, align: 'right' },
  percent: { border: true, numberFormat: PCT, align: 'right' },
  points: { border: true, numberFormat: PTS, align: 'right' },
  totalText: { bold: true, border: true, fill: TOTAL_FILL, numberFormat: '@', wrap: true },
  totalWan: { bold: true, border: true, fill: TOTAL_FILL, numberFormat: WAN, align: 'right' },
  totalPercent: { bold: true, border: true, fill: TOTAL_FILL, numberFormat: PCT, align: 'right' },
  totalPoints: { bold: true, border: true, fill: TOTAL_FILL, numberFormat: PTS, align: 'right' },
  statusWarn: { bold: true, border: true, color: '#C00000', align: 'center', numberFormat: '@', wrap: true },
  statusOk: { border: true, align: 'center', numberFormat: '@', wrap: true },
  heading1: { bold: true, size: 14, font: '黑体', numberFormat: '@', wrap: true },
  heading2: { bold: true, size: 12, font: '楷体', numberFormat: '@', wrap: true },
  paragraph: { size: 12, wrap: true, numberFormat: '@' },
  // Text the author must still write: yellow like the highlight in Word, and as large as the body so it
  // does not vanish in print.
  placeholder: { size: 12, fill: '#FFFF00', wrap: true, numberFormat: '@' },
  sign: { size: 12, align: 'right', numberFormat: '@' },
  note: { size: 10, color: '#595959', wrap: true, numberFormat: '@' },
};
