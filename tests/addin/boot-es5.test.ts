import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';

/**
 * boot.js must run in Internet Explorer 11 (Office 2016/2019's Trident webview): ES5 syntax only,
 * so an ES5 parser accepts it, and no API IE11 lacks is called before its checks.
 */
describe('src/taskpane/static/boot.js', () => {
  const src = readFileSync(join(__dirname, '../../src/taskpane/static/boot.js'), 'utf8');

  test('parses as ES5', () => {
    expect(() => parse(src, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // And the check has teeth: ES2015 syntax is refused.
    expect(() => parse('const a = () => 1;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  });

  test('the page loads it before the bundle and Office.js, from its own origin', () => {
    const html = readFileSync(join(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
    const boot = html.indexOf('<script src="boot.js">');
    expect(boot).toBeGreaterThan(0);
    expect(boot).toBeLessThan(html.indexOf('officeJs %>"></script>'));
    expect(html).not.toMatch(/(src|href)="\//);
  });
});
