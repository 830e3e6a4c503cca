import * as assert from 'assert';
import { readInstitutions, splitInstitutions } from '../../src/digest';

suite('institutions lines', () => {
  test('a comma separates names', () => {
    assert.deepStrictEqual(splitInstitutions('Northeastern University, NLP Lab, Kunming University'), [
      'Northeastern University',
      'NLP Lab',
      'Kunming University',
    ]);
  });

  test('";", "；" and "、" separate names first, then the comma rules apply inside each piece', () => {
    assert.deepStrictEqual(splitInstitutions('MIT; iFlytek Research'), ['MIT', 'iFlytek Research']);
    assert.deepStrictEqual(splitInstitutions('清华大学、北京大学；上海交通大学'), [
      '清华大学',
      '北京大学',
      '上海交通大学',
    ]);
    assert.deepStrictEqual(splitInstitutions('Futurewei Technologies, Inc.; Peking University'), [
      'Futurewei Technologies, Inc.',
      'Peking University',
    ]);
    assert.deepStrictEqual(splitInstitutions('Tsinghua University， Beijing Academy of AI'), [
      'Tsinghua University',
      'Beijing Academy of AI',
    ]);
  });

  test('commas inside a name keep it whole', () => {
    assert.deepStrictEqual(splitInstitutions('Futurewei Technologies, Inc., Santa Clara University'), [
      'Futurewei Technologies, Inc.',
      'Santa Clara University',
    ]);
    assert.deepStrictEqual(splitInstitutions('Agency for Science, Technology and Research (A*STAR)'), [
      'Agency for Science, Technology and Research (A*STAR)',
    ]);
    assert.deepStrictEqual(splitInstitutions('University of California, and Stanford'), [
      'University of California, and Stanford',
    ]);
  });

  test('a department, school or college is kept with its university, before or after it', () => {
    assert.deepStrictEqual(readInstitutions('Tsinghua University, Department of Electronic Engineering'), [
      { name: 'Tsinghua University', units: ['Department of Electronic Engineering'] },
    ]);
    assert.deepStrictEqual(readInstitutions('School of Computer Science, Peking University'), [
      { name: 'Peking University', units: ['School of Computer Science'] },
    ]);
    assert.deepStrictEqual(splitInstitutions('Dept. of EECS, Harvard University, MIT'), ['Harvard University', 'MIT']);
    assert.deepStrictEqual(splitInstitutions('Computer Science Department; Stanford University'), [
      'Stanford University',
    ]);
  });

  test('a department goes to the nearest university, not to a company or lab beside it', () => {
    assert.deepStrictEqual(
      readInstitutions('Peking University, School of Intelligence Science and Technology, Huawei Noah’s Ark Lab'),
      [
        { name: 'Peking University', units: ['School of Intelligence Science and Technology'] },
        { name: 'Huawei Noah’s Ark Lab', units: [] },
      ],
    );
    assert.deepStrictEqual(
      readInstitutions('Department of Computer Science, IBM Research, Rensselaer Polytechnic Institute'),
      [
        { name: 'IBM Research', units: [] },
        { name: 'Rensselaer Polytechnic Institute', units: ['Department of Computer Science'] },
      ],
    );
  });

  test('between two universities, a department goes the way the line is written', () => {
    assert.deepStrictEqual(splitInstitutions('Nanjing University, School of AI, University of Arizona'), [
      'Nanjing University',
      'University of Arizona',
    ]);
    assert.deepStrictEqual(readInstitutions('Nanjing University, School of AI, University of Arizona')[0].units, [
      'School of AI',
    ]);
    assert.deepStrictEqual(
      readInstitutions('School of AI, Nanjing University, School of Law, University of Arizona').map((i) => i.units),
      [['School of AI'], ['School of Law']],
    );
  });

  test('without a university, a department goes to the nearest institution; alone, it stays', () => {
    assert.deepStrictEqual(readInstitutions('Department of Engineering, Acme Research'), [
      { name: 'Acme Research', units: ['Department of Engineering'] },
    ]);
    assert.deepStrictEqual(splitInstitutions('Department of Computer Science'), ['Department of Computer Science']);
  });

  test('an institute is a part of a university only beside one', () => {
    assert.deepStrictEqual(splitInstitutions('Fudan University, Institute of Big Data'), ['Fudan University']);
    assert.deepStrictEqual(splitInstitutions('Institute of Computing Technology, Chinese Academy of Sciences'), [
      'Chinese Academy of Sciences',
    ]);
    assert.deepStrictEqual(splitInstitutions('Institute of High Performance Computing, Acme Research'), [
      'Institute of High Performance Computing',
      'Acme Research',
    ]);
  });

  test('a name that starts as a department but names its university is that university', () => {
    assert.deepStrictEqual(splitInstitutions('Dept. of ECE North South University Dhaka'), [
      'Dept. of ECE North South University Dhaka',
    ]);
  });

  test('empty lines and empty pieces give no names', () => {
    assert.deepStrictEqual(readInstitutions(''), []);
    assert.deepStrictEqual(readInstitutions('  '), []);
    assert.deepStrictEqual(splitInstitutions('MIT;; , Stanford'), ['MIT', 'Stanford']);
  });

  test('a line of a million spaces is read in one pass', () => {
    assert.deepStrictEqual(splitInstitutions(`MIT${' '.repeat(1_000_000)}Stanford, ${' '.repeat(1_000_000)}`), [
      `MIT${' '.repeat(1_000_000)}Stanford`,
    ]);
  });

  test('a line of 100,000 names is read in one pass', () => {
    const names = Array.from({ length: 100_000 }, (_, i) =>
      i % 1000 === 0 ? 'Tsinghua University' : `Department of X${i}`,
    );
    const institutions = readInstitutions(names.join(', '));
    assert.strictEqual(institutions.length, 100);
    assert.strictEqual(
      institutions.reduce((sum, i) => sum + i.units.length, 0),
      99_900,
    );
  });
});
