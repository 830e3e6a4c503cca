import type { DigestPaper } from '../digest/model';
import { splitInstitutionPhrase, type InstitutionName, type InstitutionNames } from './institutionNames';

/**
 * A paper's institutions, normalised and distinct: those its details list, or, when the
 * list is empty, those its brief names.
 */
export function paperInstitutions(paper: DigestPaper, names: InstitutionNames): InstitutionName[] {
  const listed = names.normalizeAll(paper.details?.institutions ?? []);
  return listed.length ? listed : names.normalizeAll(splitInstitutionPhrase(paper.institutionShort));
}

/** The institution a paper is filed under: the first its brief names, else the first its details list. */
export function primaryInstitution(paper: DigestPaper, names: InstitutionNames): InstitutionName | undefined {
  const [first] = splitInstitutionPhrase(paper.institutionShort);
  return (first !== undefined ? names.normalize(first) : undefined) ?? paperInstitutions(paper, names)[0];
}
