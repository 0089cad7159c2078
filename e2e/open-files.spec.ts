import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { classesOf, loadOrg, openGraph } from './helpers.js';

/**
 * Files opened in the page (demo mode here): read in a Web Worker with core's importers, nothing
 * uploaded; shown alone, or deployed over the org with what they change marked.
 */
const repo = join(import.meta.dirname, 'fixtures', 'serve-repo');

test.describe('[E] open files in the page', () => {
  test('a picked folder of YAML flows (with its Terraform) is analysed in the page, nothing uploaded', async ({ page }) => {
    await openGraph(page);
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') uploads.push(`${request.method()} ${request.url()}`);
    });
    await page.getByTestId('open-files').setInputFiles(repo);
    await expect(page.getByTestId('open-dialog')).toContainText('serve-repo/');
    await page.getByTestId('open-alone').click();
    await expect(page.getByTestId('local-files-banner')).toContainText('4 flow(s)');
    await expect(page.getByTestId('source')).toContainText('Opened in this page: serve-repo/');
    const files = page.getByTestId('files-panel');
    await expect(files.getByTestId('file-row')).toHaveCount(5);
    await expect(files.locator('[data-testid="file-row"][data-path$="main.tf"]')).toContainText('terraform');
    // The templated flow is named by its Terraform resource, parsed by HashiCorp's HCL parser in the worker.
    await expect(files.locator('[data-testid="file-row"][data-path$="support.yaml"]')).toContainText('Support Line');
    await expect(page.locator('.stat').filter({ hasText: 'flows' })).toContainText('4');
    await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
    // The org's panels answer from the files: impact of a flow picked from the Files panel.
    await files.locator('[data-testid="file-row"][data-path$="main-ivr.yaml"]').getByRole('button').click();
    await expect(page.getByTestId('impact-panel')).toContainText('Billing IVR');
    expect(uploads).toEqual([]);
    await page.screenshot({ path: 'test-results/open-files-alone.png' });

    await page.getByTestId('close-files').click();
    await expect(page.getByTestId('source')).toContainText('Demo org');
    await expect(page.getByTestId('files-panel')).toHaveCount(0);
  });

  test('files deployed over the demo org: the dropped flow replaces the org’s flow of that name and is marked changed', async ({
    page,
    request,
  }) => {
    const org = await loadOrg(request);
    const target = org.graph.nodes.find((node) => node.kind === 'flow' && node.type === 'INBOUNDCALL')!;
    const folder = mkdtempSync(join(tmpdir(), 'flowgraph-overlay-'));
    try {
      // The same flow, now transferring to a new flow that the org does not have.
      const file = join(folder, 'changed.yaml');
      writeFileSync(
        file,
        readFileSync(join(repo, 'flows', 'main-ivr.yaml'), 'utf8')
          .replace('name: Main IVR', `name: ${JSON.stringify(target.name)}`)
          .replace('name: Billing IVR', 'name: What If IVR'),
      );
      writeFileSync(
        join(folder, 'added.yaml'),
        readFileSync(join(repo, 'flows', 'payments-ivr.yaml'), 'utf8').replace('Payments IVR', 'What If IVR'),
      );
      await openGraph(page);
      await page.getByTestId('open-file-list').setInputFiles([file, join(folder, 'added.yaml')]);
      await page.getByTestId('open-over').click();
      await expect(page.getByTestId('local-files-banner')).toContainText('deployed over the demo org');
      const summary = page.getByTestId('overlay-summary');
      await expect(summary).toContainText('1 flow(s) replaced (1 changed), 1 added');
      await expect(summary.getByTestId('overlay-changed')).toContainText(target.name);
      await expect(summary.getByTestId('overlay-added')).toContainText('What If IVR');
      // The rest of the org is still there, and the replaced flow keeps the org's id: marked on the canvas.
      await expect(page.locator('.stat').filter({ hasText: 'flows' })).toContainText(String(org.analysis.summary.flows + 1));
      await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
      await expect.poll(() => classesOf(page, target.id)).toContain('change-changed');
      await page.screenshot({ path: 'test-results/open-files-over-demo.png' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('files dropped on the page are read the same way', async ({ page }) => {
    await openGraph(page);
    const text = readFileSync(join(repo, 'flows', 'main-ivr.yaml'), 'utf8');
    // A synthetic drop: Chromium hands the page a DataTransfer holding the file.
    const transfer = await page.evaluateHandle((yaml) => {
      const data = new DataTransfer();
      data.items.add(new File([yaml], 'main-ivr.yaml', { type: 'application/yaml' }));
      return data;
    }, text);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
    await expect(page.getByTestId('drop-zone')).toBeVisible();
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    await expect(page.getByTestId('open-dialog')).toContainText('main-ivr.yaml');
    await page.getByTestId('open-alone').click();
    await expect(page.getByTestId('local-files-banner')).toContainText('1 file(s)');
    await expect(page.getByTestId('drop-zone')).toHaveCount(0);
  });
});
