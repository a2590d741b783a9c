import * as v from 'valibot';
import { envelope, str } from './base';

const templateSchema = v.looseObject({
  id: str,
  name: str,
  category: v.picklist(['inquiry', 'offer', 'viewing', 'after_sale', 'other']),
  content: str,
  variables: v.optional(v.array(str)),
});

/** `GET /v1/messages/templates`. */
export const v1TemplatesSchema = envelope(v.looseObject({ templates: v.array(templateSchema) }));

/** `POST /v1/messages/templates`. */
export const v1TemplateCreatedSchema = envelope(v.looseObject({ template: templateSchema }));
