import type { ExportKind } from '../../db/schema.ts';
import { carfaxExtract } from './carfax.extract.ts';
import { customerLinkExtract } from './customerlink.extract.ts';
import type { Extract } from './extract.ts';
import { mechanicNetExtract } from './mechanicnet.extract.ts';

export type { Extract, ExtractContext, ExtractRow } from './extract.ts';

/** Each partner's file. */
export const EXTRACTS: Record<ExportKind, Extract> = {
  customerlink: customerLinkExtract,
  mechanicnet: mechanicNetExtract,
  carfax: carfaxExtract,
};
