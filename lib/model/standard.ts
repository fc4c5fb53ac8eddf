import { z } from 'zod';
import { isoDateTimeSchema, slugSchema } from './common';

/** The three things beside the product that define an experience (DESIGN.md §3). */
export const factorSchema = z.enum(['people', 'practices', 'presentation']);
export type Factor = z.infer<typeof factorSchema>;

/** One promise to the customer, e.g. “Clear next steps”. */
export const standardSchema = z.object({
  id: slugSchema,
  title: z.string().trim().min(1).max(80),
  /** What the customer may expect, in one line. */
  description: z.string().trim().min(1).max(280),
  factor: factorSchema,
  weight: z.number().positive().max(10),
  /** Whether the agent may mark this standard “not applicable” on a ticket. */
  allowNa: z.boolean().default(true),
});
export type Standard = z.infer<typeof standardSchema>;

/** A versioned, published list of standards: the team's brand promise. */
export const standardSetSchema = z
  .object({
    id: slugSchema,
    name: z.string().trim().min(1).max(120),
    version: z.number().int().positive(),
    publishedAt: isoDateTimeSchema,
    standards: z.array(standardSchema).min(1).max(20),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.standards.forEach((standard, index) => {
      if (seen.has(standard.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['standards', index, 'id'],
          message: `duplicate standard id “${standard.id}”`,
        });
      }
      seen.add(standard.id);
    });
  });
export type StandardSet = z.infer<typeof standardSetSchema>;

/** A set is stored once per version; this is its primary key in the database. */
export function standardSetKey(id: string, version: number): string {
  return `${id}@${version}`;
}
