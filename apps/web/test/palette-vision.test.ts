import { describe, expect, it } from 'vitest';
import { CHANGE_MARKS, type HighlightRole, ROLE_MARKS } from '../src/graph/palette.js';
import { stylesheet } from '../src/graph/stylesheet.js';
import { withClass } from '../src/graph/visual-class.js';
import { CONTEXT_EDGE } from '../src/scope/scope-style.js';

type Vec3 = readonly [number, number, number];
type Matrix = readonly [Vec3, Vec3, Vec3];

/**
 * Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
 * Vision Deficiency", severity 1.0: the dichromacies, applied to linear RGB.
 */
const DEFICIENCIES: Readonly<Record<string, Matrix>> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/**
 * CIE76 distance every pair of highlight roles must keep. Around 2.3 is just noticeable; 25 is
 * the gap between clearly different named colours, which a thin border on a 26 px node needs.
 */
const MIN_DELTA_E = 25;

function linearRgb(hex: string): Vec3 {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

/** The matrix applied, clipped to the displayable range as a screen would. */
function simulate(matrix: Matrix, rgb: Vec3): Vec3 {
  const row = (r: Vec3) => Math.min(1, Math.max(0, r[0] * rgb[0] + r[1] * rgb[1] + r[2] * rgb[2]));
  return [row(matrix[0]), row(matrix[1]), row(matrix[2])];
}

/** Linear sRGB to CIE L*a*b* (D65 white). */
function lab([r, g, b]: Vec3): Vec3 {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

const ROLES = Object.keys(ROLE_MARKS) as HighlightRole[];
const roleColours = (roles: readonly HighlightRole[]) => Object.fromEntries(roles.map((role) => [role, ROLE_MARKS[role].colour]));

/** Every pair's distance among named colours as seen with one deficiency. */
function pairDistances(colours: Readonly<Record<string, string>>, matrix: Matrix): { pair: string; distance: number }[] {
  const names = Object.keys(colours);
  const seen = new Map(names.map((name) => [name, lab(simulate(matrix, linearRgb(colours[name]!)))]));
  return names.flatMap((a, i) => names.slice(i + 1).map((b) => ({ pair: `${a}/${b}`, distance: deltaE(seen.get(a)!, seen.get(b)!) })));
}

/** Requires every pair over MIN_DELTA_E in normal vision and each dichromacy; prints the closest pair of each. */
function expectApart(palette: string, colours: Readonly<Record<string, string>>): void {
  const minima: string[] = [];
  for (const [name, matrix] of Object.entries(DEFICIENCIES)) {
    const distances = pairDistances(colours, matrix);
    const closest = distances.reduce((a, b) => (b.distance < a.distance ? b : a));
    minima.push(`${name} ${closest.distance.toFixed(1)} (${closest.pair})`);
    for (const { pair, distance } of distances) expect(distance, `${palette}, ${name}: ${pair}`).toBeGreaterThan(MIN_DELTA_E);
  }
  console.log(`${palette} palette min CIE76 dE: ${minima.join(', ')}`);
}

describe('[U] highlight palette under colour-vision deficiencies', () => {
  it('keeps the simulation sound: white stays white, and deuteranopia merges the old yellow match with the amber', () => {
    const white = linearRgb('#ffffff');
    expect(deltaE(lab(simulate(DEFICIENCIES.deuteranopia!, white)), lab(white))).toBeLessThan(1);
    // The search match was #facc15 beside downstream's #f59e0b: apart in normal vision, not without green cones.
    const [yellow, amber] = ['#facc15', '#f59e0b'].map(linearRgb) as [Vec3, Vec3];
    expect(deltaE(lab(yellow), lab(amber))).toBeGreaterThan(MIN_DELTA_E);
    expect(deltaE(lab(simulate(DEFICIENCIES.deuteranopia!, yellow)), lab(simulate(DEFICIENCIES.deuteranopia!, amber)))).toBeLessThan(15);
  });

  it(`keeps every pair of role colours more than ${MIN_DELTA_E} apart (CIE76), in normal vision and each dichromacy`, () => {
    expectApart('org highlight', roleColours(ROLES));
  });

  it(`keeps the focus, cycle and path diagrams' colours (roles and the grey of context edges) more than ${MIN_DELTA_E} apart`, () => {
    expectApart('scope', { ...roleColours(['selected', 'downstream', 'upstream', 'cycle']), context: CONTEXT_EDGE });
  });

  it(`keeps Changes mode's fills, the new cycle's red and the selection more than ${MIN_DELTA_E} apart`, () => {
    const fills = Object.fromEntries(Object.entries(CHANGE_MARKS).map(([role, marks]) => [role, marks.fill]));
    expectApart('changes', { ...fills, cycle: ROLE_MARKS.cycle.colour, selected: ROLE_MARKS.selected.colour });
  });

  it('gives each role its own node border (or halo), so no two roles differ by colour alone', () => {
    const looks = ROLES.map((role) => `${ROLE_MARKS[role].border}${ROLE_MARKS[role].halo ? '+halo' : ''}`);
    expect(new Set(looks).size).toBe(ROLES.length);
    const edgeStyles = ROLES.map((role) => ROLE_MARKS[role].edge).filter((edge) => edge !== null);
    expect(new Set(edgeStyles).size).toBe(edgeStyles.length);
  });

  it('draws the role marks the legend shows', () => {
    const styleOf = (selector: string) => {
      const rule = stylesheet.find((candidate) => candidate.selector === selector);
      return (rule && 'style' in rule ? rule.style : {}) as Record<string, unknown>;
    };
    for (const role of ROLES) {
      expect(styleOf(withClass(role, 'node'))['border-style'], role).toBe(ROLE_MARKS[role].border);
      const edge = ROLE_MARKS[role].edge;
      if (edge) expect(styleOf(withClass(role, 'edge'))['line-style'], role).toBe(edge);
    }
  });
});
