import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meta } from '../../src/demos/speedup/meta';
import { embedCode, FRAME_SIZER_SCRIPT } from '../../src/ui/embed/embedCode';

const page = new URL('https://example.org/demos/pp/?speedup.reps=2&fetch.n=9#speedup');

describe('embedCode', () => {
  it('is the iframe of one demo, then the sizing script of the example tutorial, verbatim', () => {
    const code = embedCode(page, meta, 'full', 700);
    const [iframe, ...script] = code.split('\n');
    expect(iframe).toBe(
      '<iframe src="https://example.org/demos/pp/?embed=speedup&amp;speedup.reps=2" title="Parallel Playground: Speedup" ' +
        'width="100%" height="700" style="border: 0" loading="lazy" allow="cross-origin-isolated"></iframe>',
    );
    expect(script.join('\n')).toBe(`<script>\n${FRAME_SIZER_SCRIPT}\n</script>`);
    expect(FRAME_SIZER_SCRIPT).toBe(readFileSync('public/tutorial-example.js', 'utf8').trim());
  });

  it('asks for the compact embed with controls=minimal', () => {
    expect(embedCode(page, meta, 'minimal', 420)).toContain(
      'src="https://example.org/demos/pp/?embed=speedup&amp;controls=minimal&amp;speedup.reps=2"',
    );
  });

  it('the script checks the sender, its origin and the demo before it sizes a frame', () => {
    expect(FRAME_SIZER_SCRIPT).toContain('frame.contentWindow !== event.source');
    expect(FRAME_SIZER_SCRIPT).toContain('event.origin === src.origin');
    expect(FRAME_SIZER_SCRIPT).toContain("data.demo === src.searchParams.get('embed')");
    // Top-level declarations would clash when a page pastes two embeds: the script declares none.
    expect(FRAME_SIZER_SCRIPT).not.toMatch(/^(const|let|class|function) /m);
  });
});
