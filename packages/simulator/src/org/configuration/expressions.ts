/**
 * Architect expression values as exports hold them: the parse tree (`config`), its `text` and a
 * type code (`que` queue, `pmt` prompt, `aud` audio, `bln`, `int`, `dur`, `str`). Generated
 * references keep the tree, because the id (`val`) lives only there.
 */
export interface Expression {
  config: Record<string, unknown>;
  text: string;
  type: string;
  version: 2;
  metaData?: { references: Array<{ id: string; type: string; isSysRef: boolean; name: string }> };
}

export function literal(text: string, type: string, val?: string): Expression {
  return { config: { lit: { pos: 1, text, type, ...(val === undefined ? {} : { val }) } }, text, type, version: 2 };
}

export function empty(type: string): Expression {
  return { config: { emp: { pos: 1, text: '', type } }, text: '', type, version: 2 };
}

/** `AudioPlaybackOptions(ToAudio(Prompt.X), true)`, as in the call-park corpus export. */
export function promptAudio(promptName: string, promptId: string, system: boolean): Expression {
  const reference = `${system ? 'PromptSystem' : 'Prompt'}.${promptName}`;
  const text = `AudioPlaybackOptions(ToAudio(${reference}), true)`;
  return {
    config: {
      AudioPlaybackOptions: {
        pos: 1,
        text,
        operands: [
          { ToAudio: { pos: 22, operands: [{ ref: { pos: 30, text: reference, type: 'pmt', val: promptId } }], type: 'aud' } },
          { lit: { pos: 32 + reference.length, text: 'true', type: 'bln' } },
        ],
        type: 'aud',
      },
    },
    text,
    type: 'aud',
    version: 2,
    metaData: { references: [{ id: promptId, type: 'pmt', isSysRef: system, name: reference }] },
  };
}

export function tts(sentence: string): Expression {
  const text = `AudioPlaybackOptions(ToAudioTTS("${sentence}"), true)`;
  return { config: { AudioPlaybackOptions: { pos: 1, text, type: 'aud' } }, text, type: 'aud', version: 2 };
}
