import generated from './institutionAliases.generated.json';
import { InstitutionNames } from './institutionNames';

/** Institution names with the shipped alias table (scripts/build-institution-aliases.mjs) and the user's aliases. */
export function createInstitutionNames(userAliases: Readonly<Record<string, string>> = {}): InstitutionNames {
  return new InstitutionNames(generated, userAliases);
}
