import { describe, expect, it } from 'vitest';
import { chooseRenderer, isSoftwareRenderer, parseRendererSetting } from '../src/graph/renderer-choice.js';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const LLVMPIPE = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const NVIDIA = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)';
const APPLE = 'Apple M2';
const INTEL = 'Mesa Intel(R) UHD Graphics 620 (KBL GT2)';

describe('[U] the renderer: WebGL only on a real GPU', () => {
  it('tells software rasterisers from GPUs by the renderer string', () => {
    for (const name of [SWIFTSHADER, LLVMPIPE, 'Google SwiftShader', 'Microsoft Basic Render Driver', 'softpipe'])
      expect(isSoftwareRenderer(name)).toBe(true);
    for (const name of [NVIDIA, APPLE, INTEL]) expect(isSoftwareRenderer(name)).toBe(false);
  });

  it('auto: WebGL with a GPU, canvas on software GL, without WebGL 2 or with an unknown renderer', () => {
    expect(chooseRenderer('auto', { webgl2: true, renderer: NVIDIA })).toBe('webgl');
    expect(chooseRenderer('auto', { webgl2: true, renderer: APPLE })).toBe('webgl');
    expect(chooseRenderer('auto', { webgl2: true, renderer: SWIFTSHADER })).toBe('canvas');
    expect(chooseRenderer('auto', { webgl2: true, renderer: LLVMPIPE })).toBe('canvas');
    expect(chooseRenderer('auto', { webgl2: true, renderer: undefined })).toBe('canvas');
    expect(chooseRenderer('auto', { webgl2: false, renderer: NVIDIA })).toBe('canvas');
  });

  it('a setting wins over detection, except that WebGL needs WebGL 2', () => {
    expect(chooseRenderer('webgl', { webgl2: true, renderer: SWIFTSHADER })).toBe('webgl');
    expect(chooseRenderer('canvas', { webgl2: true, renderer: NVIDIA })).toBe('canvas');
    expect(chooseRenderer('webgl', { webgl2: false, renderer: undefined })).toBe('canvas');
  });

  it('reads the setting from the address, ignoring anything else', () => {
    expect(parseRendererSetting('webgl')).toBe('webgl');
    expect(parseRendererSetting('canvas')).toBe('canvas');
    expect(parseRendererSetting('auto')).toBe('auto');
    expect(parseRendererSetting('WebGL')).toBeUndefined();
    expect(parseRendererSetting(null)).toBeUndefined();
  });
});
