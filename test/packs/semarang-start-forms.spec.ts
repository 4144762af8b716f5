/**
 * Semarang's pack (issue 11, point 6): every process a person starts with an application — one
 * that gives the case a registration number (`alur:businessKey`) — starts through a start form, so
 * the front desk records the applicant's data and the approver sees it as "Data permohonan"; and
 * a shared subprocess is not offered to everyone in "Mulai berkas". A complaint starts from the
 * LAPOR! channel's message (its number is LAPOR!'s), so it has neither.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const BPMN = join('processes', 'semarang', 'bpmn');

function processes(): Array<{ file: string; numbered: boolean; starters: boolean; noneStart: boolean; startForm: boolean }> {
  return readdirSync(BPMN).filter((f) => f.endsWith('.bpmn')).map((file) => {
    const xml = readFileSync(join(BPMN, file), 'utf8');
    const start = /<bpmn:startEvent\b[^>]*>([\s\S]*?)<\/bpmn:startEvent>/.exec(xml)?.[1] ?? '';
    return {
      file,
      numbered: /<alur:businessKey\b/.test(xml),
      starters: /<alur:starters\b/.test(xml),
      noneStart: !/EventDefinition\b/.test(start),
      startForm: /<zeebe:formDefinition\b/.test(start),
    };
  });
}

describe('Semarang pack: applications start through a start form', () => {
  it('given every process that numbers its cases, then it starts through a start form', () => {
    const numbered = processes().filter((p) => p.numbered);
    expect(numbered.map((p) => p.file)).to.include.members(['izin-reklame-fiktif-positif.bpmn', 'persetujuan-bangunan-gedung.bpmn', 'surat-keterangan-penelitian.bpmn']);
    expect(numbered.filter((p) => !p.startForm).map((p) => p.file), 'numbered processes without a start form').to.deep.equal([]);
  });

  it('given the shared signing subprocess, then only the secretariat may start it by hand, and the complaint starts from its channel\'s message', () => {
    const all = processes();
    expect(all.find((p) => p.file === 'penandatanganan-dokumen.bpmn')).to.include({ starters: true });
    expect(all.find((p) => p.file === 'pengaduan-masyarakat.bpmn')).to.include({ noneStart: false });
  });
});
