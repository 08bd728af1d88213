import { reportTables } from '../../src/core/report/tables';
import { headerLines } from '../../src/core/report/table-layout';
import { escapeHtml, reportToHtml, reportToPlainText } from '../../src/core/report/to-html';
import { blocksToText } from '../../src/core/report/types';
import { testModel, withAllKinds } from './fixture';

/** The visible text of an HTML string: tags dropped, entities decoded, the way a paste shows it. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('escapeHtml', () => {
  it('escapes markup, ampersands and both quotes', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml('A & B')).toBe('A &amp; B');
    expect(escapeHtml("'单引号'")).toBe('&#39;单引号&#39;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('维权帮扶项目经费')).toBe('维权帮扶项目经费');
  });
});

describe('reportToHtml', () => {
  const evil = '<img src=x onerror="alert(1)"> & 项目';
  const model = withAllKinds(testModel(evil));
  const html = reportToHtml(model);

  it('holds every block of the narrative, lead included', () => {
    const text = visibleText(html);
    for (const b of model.blocks) expect(text).toContain((b.lead ?? '') + b.text);
  });

  it('holds every figure and label of the tables, in table cells', () => {
    for (const t of reportTables(model)) {
      expect(html).toContain(escapeHtml(t.title));
      // A header wraps on its words: "1-8月<br>执行数", never one character a line.
      for (const h of t.header) expect(html).toContain(`>${headerLines(h).map(escapeHtml).join('<br>')}</p></th>`);
      for (const r of t.rows) for (const c of r.cells) expect(html).toContain(`>${escapeHtml(c)}</p></td>`);
    }
    expect(html.match(/<table /g)).toHaveLength(3);
    expect(html).toContain('>1-8月<br>执行数</p></th>');
    expect(html).toContain('border:solid windowtext 1.0pt');
  });

  it('escapes user text everywhere', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; 项目');
    expect(html).toContain('&#39;办公室&#39;');
  });

  it('styles each level the official way', () => {
    const styleOf = (text: string): string => {
      const i = html.indexOf(escapeHtml(text), html.indexOf('<body'));
      const open = html.lastIndexOf('style="', i);
      return html.slice(open, html.indexOf('"', open + 7));
    };
    expect(styleOf(model.title)).toMatch(/font-size:22pt/);
    expect(styleOf(model.title)).toMatch(/text-align:center/);
    expect(styleOf(model.title)).toContain("font-family:'方正小标宋简体'");
    expect(styleOf('七、测试一级标题')).toContain("font-family:'黑体'");
    expect(styleOf('（一）测试二级标题')).toContain("font-family:'楷体_GB2312'");
    expect(styleOf('1.测试三级标题')).toContain("font-family:'仿宋_GB2312'");
    expect(styleOf('1.测试三级标题')).toContain('font-weight:bold');
    const body = styleOf('贯彻执行');
    expect(body).toContain("font-family:'仿宋_GB2312'");
    expect(body).toContain('font-size:16pt');
    expect(body).toContain('text-indent:32pt');
    expect(body).toContain('line-height:28pt;mso-line-height-rule:exactly');
    expect(styleOf('（二）测试引领语。')).toContain("font-family:'楷体_GB2312'");
    expect(styleOf('【请填写：测试占位】')).toContain('mso-highlight:yellow');
  });

  it('is a document Word recognises', () => {
    expect(html).toMatch(/^<html xmlns:o="urn:schemas-microsoft-com:office:office"/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<!--StartFragment-->');
  });
});

describe('reportToPlainText', () => {
  const model = withAllKinds(testModel());
  const text = reportToPlainText(model);

  it('starts with the narrative numbered as in the blocks', () => {
    expect(text.startsWith(blocksToText(model.blocks))).toBe(true);
    expect(text).toContain('\n七、测试一级标题\n');
    expect(text).toContain('\n（二）测试引领语。单位内设');
  });

  it('ends with the tables as tab-separated rows', () => {
    for (const t of reportTables(model)) {
      expect(text).toContain(`\n${t.title}\n`);
      expect(text).toContain(`\n${t.header.join('\t')}\n`);
      for (const r of t.rows) expect(text).toContain(`\n${r.cells.join('\t')}\n`);
    }
    // Plain text is not markup: user text stays as written, nothing is escaped or tagged.
    expect(text).toContain('贯彻执行<script>alert("x")</script>的各项职能 & “工会”法规。');
    expect(text).not.toMatch(/<(p|span|table|td|tr)[ >]/);
  });
});
