/**
 * docProps/app.xml lists the sheet names (TitlesOfParts, counted in HeadingPairs). When sheets
 * change we rewrite the worksheet entries; if the layout is one we do not recognise we drop both
 * lists, which are optional and which Excel rebuilds on save, rather than leave them inconsistent.
 */
import { escapeText, decodeEntities } from './xml-text';

const WORKSHEET_LABELS = new Set(['Worksheets', '工作表', 'Arbeitsblätter', 'Feuilles de calcul', 'ワークシート']);

interface Pair {
  readonly label: string;
  readonly count: number;
}

export function updateAppTitles(xml: string, worksheetNames: readonly string[]): string {
  const hp = /<(\w+:)?HeadingPairs>([\s\S]*?)<\/\1?HeadingPairs>/.exec(xml);
  const tp = /<(\w+:)?TitlesOfParts>([\s\S]*?)<\/\1?TitlesOfParts>/.exec(xml);
  if (!hp || !tp) return xml;
  const vt = /<(\w+):vector\b/.exec(hp[2] as string)?.[1] ?? 'vt';
  const pairs: Pair[] = [];
  const variant = new RegExp(`<${vt}:lpstr>([^<]*)</${vt}:lpstr>[\\s\\S]*?<${vt}:i4>(\\d+)</${vt}:i4>`, 'g');
  for (const m of (hp[2] as string).matchAll(variant))
    pairs.push({ label: decodeEntities(m[1] as string), count: Number(m[2]) });
  const titles = [...(tp[2] as string).matchAll(new RegExp(`<${vt}:lpstr>([^<]*)</${vt}:lpstr>`, 'g'))].map(
    (m) => m[1] as string,
  );
  const at = pairs.findIndex((p) => WORKSHEET_LABELS.has(p.label));
  const total = pairs.reduce((s, p) => s + p.count, 0);
  if (at < 0 || total !== titles.length) return removeBoth(xml, hp, tp);

  const offset = pairs.slice(0, at).reduce((s, p) => s + p.count, 0);
  const old = (pairs[at] as Pair).count;
  const nextTitles = [
    ...titles.slice(0, offset),
    ...worksheetNames.map((n) => escapeText(n)),
    ...titles.slice(offset + old),
  ];
  const nextPairs = pairs.map((p, i) => (i === at ? { label: p.label, count: worksheetNames.length } : p));
  const hpBody =
    `<${vt}:vector size="${nextPairs.length * 2}" baseType="variant">` +
    nextPairs
      .map(
        (p) =>
          `<${vt}:variant><${vt}:lpstr>${escapeText(p.label)}</${vt}:lpstr></${vt}:variant>` +
          `<${vt}:variant><${vt}:i4>${p.count}</${vt}:i4></${vt}:variant>`,
      )
      .join('') +
    `</${vt}:vector>`;
  const tpBody =
    `<${vt}:vector size="${nextTitles.length}" baseType="lpstr">` +
    nextTitles.map((t) => `<${vt}:lpstr>${t}</${vt}:lpstr>`).join('') +
    `</${vt}:vector>`;
  const hpPre = hp[1] ?? '';
  const tpPre = tp[1] ?? '';
  return xml
    .replace(hp[0], () => `<${hpPre}HeadingPairs>${hpBody}</${hpPre}HeadingPairs>`)
    .replace(tp[0], () => `<${tpPre}TitlesOfParts>${tpBody}</${tpPre}TitlesOfParts>`);
}

function removeBoth(xml: string, hp: RegExpExecArray, tp: RegExpExecArray): string {
  return xml.replace(hp[0], '').replace(tp[0], '');
}
