// A render thread of RenderPool (pool.ts). Plain JavaScript, so Node starts it without a loader;
// the site's Markdown pipeline comes bundled as JavaScript too (pipeline-bundle.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { markdownConfig, siteMarkdownSetup, keepHtmlAside } = await import(workerData.pipeline);
const { processor, ...options } = markdownConfig(siteMarkdownSetup());
const renderer = await processor.createRenderer({ ...workerData.markdownOptions, ...options });

// What Astro's own Markdown entry type stores (astro/dist/vite-plugin-markdown/content-entry-type.js).
parentPort.on('message', async ({ id, body, frontmatter, filePath }) => {
  try {
    const result = await renderer.render(body, {
      frontmatter,
      fileURL: filePath ? pathToFileURL(filePath) : undefined,
    });
    const { localImagePaths, remoteImagePaths } = result.metadata;
    // The HTML goes to its file from here: it never crosses to the main thread.
    const rendered = keepHtmlAside(workerData.htmlDir, {
      html: result.code,
      metadata: { ...result.metadata, imagePaths: [...localImagePaths, ...remoteImagePaths] },
    });
    parentPort.postMessage({ id, rendered });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
