import type { Response } from 'express';
import { Open311Format } from './open311.mapping';
import { XmlNode, xmlDocument } from './open311.xml';

/** Writes one answer in the format the path asked for, with the spec's content types. */
export function sendAs(res: Response, format: Open311Format, status: number, json: unknown, xml: () => string): void {
  res.status(status);
  if (format === 'xml') res.set('Content-Type', 'text/xml; charset=utf-8').send(xml());
  else res.set('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify(json));
}

/** Most Open311 answers are lists: JSON as an array, XML as `<root><item>…</item>…</root>`. */
export const send = (res: Response, format: Open311Format, status: number, rows: object[], root: string, item: string): void =>
  sendAs(res, format, status, rows, () => xmlDocument(root, { [item]: rows as XmlNode[] }));
