/** A 1×1 PNG: the smallest real photo a test can attach. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Uploads a file the way the web form does (multipart, field "file"); answers the attachment id. */
export async function upload(intakeUrl: string, bytes: Buffer = PNG, name = 'photo.png', token?: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${intakeUrl}/api/v1/attachments`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body)}`);
  return body.id;
}
