/**
 * The font names of GB/T 9704-2012 documents as offices install them. Every output that styles
 * the report (clipboard HTML, .docx) takes them from here, so they cannot drift apart.
 */
export const OFFICIAL_FONTS = {
  /** 2号 title */
  title: '方正小标宋简体',
  /** 3号 body, and "1." "（1）" headings */
  body: '仿宋_GB2312',
  /** "一、" headings */
  h1: '黑体',
  /** "（一）" headings */
  h2: '楷体_GB2312',
  /** 4号 page numbers */
  pageNumber: '宋体',
} as const;
