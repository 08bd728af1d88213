/** The code of an Office error (OfficeExtension.Error), or null for anything else. */
export function officeErrorCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.length > 0 ? code : null;
}

export const isPayloadTooLarge = (e: unknown): boolean => {
  const code = officeErrorCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
};

/**
 * What to tell the user about an Office error, in Chinese. The table is a chunk of its own, loaded
 * only when an error happens (the pane's first JavaScript has a size budget); if even that cannot
 * load, the code is still named.
 */
export async function describeOfficeError(e: unknown): Promise<string> {
  try {
    const { officeErrorText } = await import('./error-text');
    return officeErrorText(e);
  } catch {
    const code = officeErrorCode(e);
    return `Excel 报告了一个错误${code ? `（错误代码：${code}）` : ''}。请重试；如仍失败，请保存工作簿、重新打开后再试。`;
  }
}
