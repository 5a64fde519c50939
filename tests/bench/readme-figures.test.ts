import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/paths.js';
import { BLOCKS, readResults, readmeFigureProblems, renderBlock, replaceBlock } from '../../bench/results-files.js';
import type { BenchResult } from '../../bench/types.js';

const readme = readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');
const render = (b: keyof typeof BLOCKS) => renderBlock(b);

describe('README figures come from committed results files', () => {
  it('GIVEN the README THEN its Speed and Evaluation tables are exactly what --markdown generates from bench/results', () => {
    expect(readmeFigureProblems(readme, render)).toEqual([]);
  });

  it('GIVEN the committed results THEN each names its commit, machine and load average', () => {
    const files = [...readResults<BenchResult>('bench'), ...readResults<{ run: BenchResult['run']; machine: BenchResult['machine'] }>('eval')];
    expect(files.length).toBeGreaterThan(0);
    for (const { file, result } of files) {
      expect(result.run.commit, file).toMatch(/^[0-9a-f]{7,}$/); // measured at a commit, not on uncommitted code
      expect(result.run.loadAverageStart, file).toHaveLength(3);
      expect(result.machine.cpu, file).not.toBe('');
      expect(render(file.includes('/bench-') ? 'speed' : 'eval'), file).toContain(file);
    }
  });

  it('GIVEN a figure typed into a table or a generated block edited by hand THEN it is reported', () => {
    const typed = readme.replace('\n## Speed\n', '\n## Speed\n\n| at 100,000 passages | 9.9 ms |\n|---|---|\n');
    expect(readmeFigureProblems(typed, render)).toEqual([expect.stringMatching(/^Speed: a table row outside the generated block/), expect.anything()]);
    const edited = replaceBlock(readme, 'eval:dev', `${render('eval')}\n| hybrid (typed) | 0.65 / 0.925 |`);
    expect(readmeFigureProblems(edited, render)).toEqual([expect.stringMatching(/^Evaluation: the <!-- eval:dev --> block is not what/)]);
  });
});
