import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const manifestPath = join(root, 'manifest.xml');
const manifest = readFileSync(manifestPath, 'utf8');
// Vendored copies (see vendor/office-manifest-xsd/README.md): CI runs on a bare clone, and the
// official validator needs a Microsoft web service these machines cannot reach.
const schema = join(root, 'vendor/office-manifest-xsd/OfficeAppManifestV1_1.xsd');
const ORIGIN = 'https://localhost:3000';

function xmllintPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

describe('manifest.xml', () => {
  test('validates against the Office add-in manifest schemas (offline, xmllint)', () => {
    const xmllint = xmllintPath();
    if (!xmllint) {
      throw new Error('xmllint 不可用：请安装 libxml2-utils（apt-get install -y libxml2-utils）后再运行清单校验。');
    }
    expect(existsSync(schema)).toBe(true);
    let output: string;
    try {
      output = execFileSync(xmllint, ['--noout', '--nonet', '--schema', schema, manifestPath], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const err = e as { stderr?: string };
      throw new Error(`manifest.xml 未通过校验：\n${err.stderr ?? String(e)}`, { cause: e });
    }
    expect(output).toBe('');
  });

  test('every resid is defined once in Resources', () => {
    const used = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = [...manifest.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of used) expect(defined).toContain(id);
    // Resource ids longer than 32 characters are refused by Office.
    for (const id of defined) expect(id!.length).toBeLessThanOrEqual(32);
  });

  test('no <AppDomains> for the add-in’s own origin (no effect, misleading)', () => {
    expect(manifest).not.toMatch(/<AppDomains?>/);
  });

  test('every URL is on the same origin, over https', () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"|<AppDomain>([^<]+)</g)].map(
      (m) => m[1] ?? m[2],
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(new URL(u!).origin).toBe(ORIGIN);
  });

  test('zh-CN by default with en-US overrides for every string', () => {
    expect(manifest).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    const strings = [
      ...manifest.matchAll(/<bt:String id="[^"]+" DefaultValue="[^"]*">\s*<bt:Override Locale="en-US"/g),
    ];
    const all = [...manifest.matchAll(/<bt:String id=/g)];
    expect(strings.length).toBe(all.length);
    expect(manifest).toMatch(/<bt:String id="TaskpaneButton.Label" DefaultValue="生成监控报告">/);
    expect(manifest).toMatch(/<bt:String id="Group.Label" DefaultValue="绩效监控">/);
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });

  test('icons exist in assets/ at their stated size', () => {
    for (const m of manifest.matchAll(/assets\/icon-(\d+)\.png/g)) {
      const png = readFileSync(join(root, 'assets', `icon-${m[1]}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(m[1]));
      expect(png.readUInt32BE(20)).toBe(Number(m[1]));
    }
  });
});
