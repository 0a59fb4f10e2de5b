import fs from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { notebookFilePaths, type NotebookFileProps } from '../../../../routing/paths';
import { keyed } from '../../../../routing/keyed';

export const getStaticPaths = keyed(notebookFilePaths);

/** Writes a notebook's output images and its `.ipynb` copy beside the page, as files of the build. */
export const GET: APIRoute<NotebookFileProps> = ({ props }) => {
  const body = 'base64' in props ? Buffer.from(props.base64, 'base64') : fs.readFileSync(path.resolve(props.path));
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': props.mime } });
};
