import { type WorkbookGrid } from '../../src/core/grid/types';
import { buildReport } from '../../src/core/pipeline';
import { type Block, type ReportModel } from '../../src/core/report/types';

/**
 * A small ledger in 元: two basic lines and three projects, one of them with a name that needs
 * escaping, so the Word outputs are tested on figures the test can work out by hand.
 */
export function testGrid(projectName = '维权帮扶项目经费'): WorkbookGrid {
  return {
    sheets: [
      {
        name: '预算执行台账',
        rows: [
          ['测试单位2024年预算执行台账'],
          ['项目名称', '支出类别', '年初预算', '调整数', '全年预算', '1-8月执行数'],
          ['在职人员工资', '人员支出', 4061400, 0, 4061400, 2871800],
          ['办公费', '公用支出', 571200, 0, 571200, 368700],
          [projectName, '项目支出', 20000, 0, 20000, 0],
          ['省级财政工会专项资金', '项目支出', 0, 511600, 511600, 300000],
        ],
      },
    ],
  };
}

/** The report model of {@link testGrid}, through the same pipeline every adapter uses. */
export function testModel(projectName?: string): ReportModel {
  const r = buildReport(testGrid(projectName));
  if (!r.ok) throw new Error(`buildReport failed: ${JSON.stringify(r)}`);
  return r.value.model;
}

/**
 * The model with one block of every kind appended, including the unit's own words with characters
 * HTML and XML must escape, so the outputs are tested on every level whatever the narrative builder
 * writes today.
 */
export function withAllKinds(model: ReportModel): ReportModel {
  const extra: Block[] = [
    { kind: 'h1', text: '七、测试一级标题' },
    { kind: 'p', text: '贯彻执行<script>alert("x")</script>的各项职能 & “工会”法规。' },
    { kind: 'h2', text: '（一）测试二级标题' },
    { kind: 'p', lead: '（二）测试引领语。', text: "单位内设'办公室'等三个部室。" },
    { kind: 'h3', text: '1.测试三级标题' },
    { kind: 'p', text: '【请填写：测试占位】', placeholder: true },
  ];
  return { ...model, blocks: [...model.blocks, ...extra] };
}
