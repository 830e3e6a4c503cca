import * as assert from 'assert';
import { parseDigest } from '../../src/digest';
import { deriveAliasTable } from '../../src/library/institutionAliasDerivation';
import { createInstitutionNames } from '../../src/library/institutionAliases';
import { cleanInstitution, InstitutionNames, splitInstitutionPhrase } from '../../src/library/institutionNames';
import { paperInstitutions } from '../../src/library/paperInstitutions';
import { corpusReports, readReport } from '../corpus';

const names = createInstitutionNames();
const nameOf = (raw: string) => names.normalize(raw)?.name;

suite('institution names', () => {
  test('a company and its labs are one brand, in English and Chinese', () => {
    for (const raw of [
      '华为',
      'Huawei Technologies',
      "Huawei Noah's Ark Lab",
      'Huawei Technologies Co., Ltd.',
      '华为诺亚方舟实验室',
    ])
      assert.strictEqual(nameOf(raw), 'Huawei', raw);
    assert.strictEqual(nameOf('Microsoft Research Beijing'), 'Microsoft');
    assert.strictEqual(nameOf('字节跳动'), 'ByteDance');
  });

  test('a brand prefix matches whole words only', () => {
    assert.strictEqual(nameOf('Intelligent Systems Laboratory'), 'Intelligent Systems Laboratory');
    assert.strictEqual(nameOf('Metropolitan College'), 'Metropolitan College');
  });

  test('Chinese names of universities are their English names', () => {
    assert.strictEqual(nameOf('清华大学'), 'Tsinghua University');
    assert.strictEqual(nameOf('上海交通大学'), 'Shanghai Jiao Tong University');
    assert.strictEqual(nameOf('武汉大学电子信息学院'), 'Wuhan University');
    assert.strictEqual(nameOf('中国科学院计算技术研究所'), 'Chinese Academy of Sciences');
  });

  test('departments, cities, "The" and bracketed acronyms are noise', () => {
    assert.strictEqual(nameOf('School of Computer Science, Peking University'), 'Peking University');
    assert.strictEqual(nameOf('Peking University School of Computer Science'), 'Peking University');
    assert.strictEqual(nameOf('Tsinghua University Beijing'), 'Tsinghua University');
    assert.strictEqual(nameOf('Tsinghua University, Beijing'), 'Tsinghua University');
    assert.strictEqual(nameOf('Clemson University Clemson'), 'Clemson University');
    assert.strictEqual(nameOf('The Hong Kong University of Science and Technology'), nameOf('HKUST'));
    assert.strictEqual(
      nameOf('Institute of Computing Technology, Chinese Academy of Sciences'),
      'Chinese Academy of Sciences',
    );
    assert.strictEqual(nameOf('Shanghai Jiaotong University'), 'Shanghai Jiao Tong University');
    assert.strictEqual(nameOf('SHANGHAI JIAO TONG UNIVERSITY'), 'Shanghai Jiao Tong University');
  });

  test('names that are names are kept whole', () => {
    assert.strictEqual(nameOf('The University of Hong Kong'), 'University of Hong Kong');
    assert.strictEqual(nameOf('University of California, Berkeley'), 'University of California, Berkeley');
    assert.strictEqual(
      nameOf('Agency for Science, Technology and Research'),
      'Agency for Science, Technology and Research',
    );
    assert.strictEqual(nameOf('University of Texas at Austin'), 'University of Texas at Austin');
  });

  test('a department alone, an empty name and punctuation are no institution', () => {
    for (const raw of ['Department of Computer Science', 'School of Artificial Intelligence', '', '  ', '。'])
      assert.strictEqual(names.normalize(raw), undefined, JSON.stringify(raw));
    assert.strictEqual(cleanInstitution('Dept. of EECS'), undefined);
  });

  test('words hyphenated across lines are mended', () => {
    assert.strictEqual(
      nameOf('Beijing University of Posts and Telecom- munications'),
      'Beijing University of Posts and Telecommunications',
    );
  });

  test("the user's aliases win over the shipped table", () => {
    const custom = createInstitutionNames({ 'Noah Lab': 'Huawei', 清华大学: 'THU' });
    assert.strictEqual(custom.normalize('Noah Lab')?.name, 'Huawei');
    assert.strictEqual(custom.normalize('清华大学')?.name, 'THU');
  });

  test('a list is normalised to distinct institutions, in order', () => {
    assert.deepStrictEqual(
      names.normalizeAll(['Huawei Technologies', '华为', 'Tsinghua University', '清华大学']).map((n) => n.name),
      ['Huawei', 'Tsinghua University'],
    );
  });

  test("a brief's phrase splits at Chinese and English conjunctions", () => {
    assert.deepStrictEqual(splitInstitutionPhrase('天津大学、大连交通大学'), ['天津大学', '大连交通大学']);
    assert.deepStrictEqual(splitInstitutionPhrase('CEA与Université Paris-Saclay'), ['CEA', 'Université Paris-Saclay']);
    assert.deepStrictEqual(splitInstitutionPhrase('中国科学技术大学等机构'), ['中国科学技术大学']);
  });

  test('a paper without an institutions list takes the names of its brief', () => {
    const digest = parseDigest(
      [
        '# AI推理加速技术论文分析报告',
        '分析论文数量: 1篇',
        '## 论文技术简报',
        '### 1. A Paper',
        '华为与清华大学发布了A Paper论文，使用量化，解决了慢，达成了2倍加速。',
        '## 论文详细信息',
        '### 1. A Paper',
        '**主要机构**: ',
        '**作者数量**: 3人',
        '**摘要**:',
        'Abstract.',
      ].join('\n'),
    );
    assert.deepStrictEqual(
      paperInstitutions(digest.papers[0], names).map((n) => n.name),
      ['Huawei', 'Tsinghua University'],
    );
  });
});

suite('institution alias derivation', () => {
  const seeds = { brands: { Huawei: ['Huawei', '华为'] }, aliases: {} };

  test('a Chinese name takes the English name its papers list most, when it is most of them', () => {
    const table = deriveAliasTable(
      [
        { phrase: '某某大学', names: ['Mou University', 'Other Institute'] },
        { phrase: '某某大学', names: ['Department of X, Mou University'] },
        { phrase: '某某大学', names: ['Third University'] },
        { phrase: '孤大学', names: ['Lone University'] },
        { phrase: '双大学', names: ['First University', 'Second University'] },
      ],
      seeds,
    );
    assert.strictEqual(table.aliases['某某大学'], 'Mou University');
    assert.strictEqual(table.aliases['孤大学'], 'Lone University');
    assert.strictEqual(table.aliases['双大学'], undefined);
  });

  test('acronyms and spellings join their institution; seeds win', () => {
    const table = deriveAliasTable(
      [
        { phrase: '', names: ['Pohang University of Science and Technology (POSTECH)'] },
        { phrase: '', names: ['Sun Yat-sen University', 'Sun Yat-sen University', 'Sun Yat-Sen University'] },
        { phrase: '', names: ['Sun Yat-sen University'] },
      ],
      { ...seeds, aliases: { POSTECH: 'POSTECH' } },
    );
    assert.strictEqual(table.aliases['POSTECH'], 'POSTECH');
    assert.strictEqual(table.aliases['Sun Yat-Sen University'], 'Sun Yat-sen University');
    const derived = new InstitutionNames(table);
    assert.strictEqual(derived.normalize('SUN YAT-SEN UNIVERSITY')?.name, 'Sun Yat-sen University');
  });
});

suite('institution names on the corpus', () => {
  const reports = corpusReports();

  test('normalisation joins names: fewer distinct institutions, and the big ones merged', function () {
    if (!reports.length) this.skip();
    const raw = new Set<string>();
    const normalized = new Map<string, number>();
    for (const report of reports)
      for (const paper of parseDigest(readReport(report)).papers) {
        for (const name of paper.details?.institutions ?? []) raw.add(name);
        for (const { name } of paperInstitutions(paper, names)) normalized.set(name, (normalized.get(name) ?? 0) + 1);
      }
    assert.ok(normalized.size < raw.size, `${normalized.size} of ${raw.size}`);
    assert.ok(!normalized.has('Huawei Technologies') && !normalized.has("Huawei Noah's Ark Lab"));
    assert.ok(!normalized.has('Tsinghua University Beijing') && !normalized.has('清华大学'));
    assert.ok((normalized.get('Tsinghua University') ?? 0) >= 15);
    assert.ok((normalized.get('Huawei') ?? 0) >= 8);
  });
});
