/**
 * Which Cytoscape renderer draws the page: WebGL (`renderer: { name: 'canvas', webgl: true }`,
 * Cytoscape 3.31+) only on a real GPU, the canvas renderer otherwise. On a software rasteriser
 * (SwiftShader, llvmpipe: what headless and GPU-less machines get) WebGL is slower than the
 * canvas renderer, so `auto` does not pick it there; `?renderer=webgl` still forces it.
 */
export type RendererSetting = 'auto' | 'webgl' | 'canvas';
export type RendererName = 'webgl' | 'canvas';

/** What the browser says about WebGL: whether it has WebGL 2 (Cytoscape's WebGL renderer throws without it) and its renderer string. */
export interface GpuInfo {
  webgl2: boolean;
  /** `UNMASKED_RENDERER_WEBGL` (WEBGL_debug_renderer_info), else `RENDERER`; undefined when unknown. */
  renderer: string | undefined;
}

/** Renderer strings of software rasterisers: no GPU behind them. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|swrast/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

/** The renderer for a setting on this browser. `auto` needs a named, hardware renderer: unknown is not a GPU. */
export function chooseRenderer(setting: RendererSetting, gpu: GpuInfo): RendererName {
  if (!gpu.webgl2 || setting === 'canvas') return 'canvas';
  if (setting === 'webgl') return 'webgl';
  return gpu.renderer !== undefined && gpu.renderer !== '' && !isSoftwareRenderer(gpu.renderer) ? 'webgl' : 'canvas';
}

export function parseRendererSetting(value: string | null | undefined): RendererSetting | undefined {
  return value === 'auto' || value === 'webgl' || value === 'canvas' ? value : undefined;
}

/** Asks a throwaway WebGL 2 context, then releases it (browsers cap live contexts). */
export function probeGpu(): GpuInfo {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return { webgl2: false, renderer: undefined };
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer: unknown = gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { webgl2: true, renderer: typeof renderer === 'string' ? renderer : undefined };
}

const STORAGE_KEY = 'flowgraph.renderer';

/**
 * The setting: `?renderer=webgl|canvas|auto` in the address (remembered in this browser, since
 * the page rewrites its address), else the one remembered, else `auto`. Read once, at startup.
 */
export function rendererSetting(): RendererSetting {
  const asked = parseRendererSetting(new URLSearchParams(window.location.search).get('renderer'));
  try {
    if (asked) window.localStorage.setItem(STORAGE_KEY, asked);
    return asked ?? parseRendererSetting(window.localStorage.getItem(STORAGE_KEY)) ?? 'auto';
  } catch {
    // Storage refused (a private window's policy): the address alone decides.
    return asked ?? 'auto';
  }
}
