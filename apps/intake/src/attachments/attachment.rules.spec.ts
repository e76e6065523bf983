import { MAX_FILE_NAME_LENGTH, contentDisposition, isAttachmentId, sanitiseFileName, sniffAttachmentType } from './attachment.rules';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('sniffAttachmentType', () => {
  it('recognises JPEG, PNG, WebP and PDF by their first bytes', () => {
    expect(sniffAttachmentType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toBe('image/jpeg');
    expect(sniffAttachmentType(bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR'))).toBe('image/png');
    expect(sniffAttachmentType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffAttachmentType(bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'))).toBe('application/pdf');
  });

  it('refuses what is not one of them, whatever it is called', () => {
    expect(sniffAttachmentType(bytes('GIF89a', [1, 0, 1, 0]))).toBeNull();
    expect(sniffAttachmentType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffAttachmentType(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffAttachmentType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffAttachmentType(bytes('MZ', [0x90, 0]))).toBeNull();
    expect(sniffAttachmentType(bytes(' %PDF-1.7'))).toBeNull();
  });

  it('refuses a file too short to carry a whole signature', () => {
    expect(sniffAttachmentType(new Uint8Array())).toBeNull();
    expect(sniffAttachmentType(bytes([0x89], 'PNG'))).toBeNull();
    expect(sniffAttachmentType(bytes('RIFF', [0, 0, 0, 0], 'WEB'))).toBeNull();
  });
});

describe('sanitiseFileName', () => {
  it('keeps an ordinary name, Chinese included', () => {
    expect(sanitiseFileName('门口积水.jpg')).toBe('门口积水.jpg');
    expect(sanitiseFileName('  信访材料 (1).pdf ')).toBe('信访材料 (1).pdf');
  });

  it('keeps only the last path segment', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\张三\\Desktop\\照片.png')).toBe('照片.png');
    expect(sanitiseFileName('photos/')).toBe('attachment');
  });

  it('drops control and direction-changing characters', () => {
    expect(sanitiseFileName('a\r\nX-Injected: 1\u0000.png')).toBe('aX-Injected: 1.png');
    expect(sanitiseFileName('photo\u202Egnp.exe')).toBe('photognp.exe');
    expect(sanitiseFileName('\u0007\u007f\u0085')).toBe('attachment');
  });

  it('never answers an empty name or only dots', () => {
    expect(sanitiseFileName('')).toBe('attachment');
    expect(sanitiseFileName('..')).toBe('attachment');
    expect(sanitiseFileName('   ', 'upload')).toBe('upload');
  });

  it('caps the name at 200 characters, keeping the extension and whole characters', () => {
    const long = sanitiseFileName(`${'报'.repeat(300)}.jpeg`);
    expect([...long]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('报.jpeg')).toBe(true);
    const emoji = sanitiseFileName('😀'.repeat(250));
    expect([...emoji]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji).toBe('😀'.repeat(MAX_FILE_NAME_LENGTH));
  });
});

describe('contentDisposition', () => {
  it('sends the name RFC 5987-encoded, inline', () => {
    expect(contentDisposition('照片 1.png')).toBe("inline; filename*=UTF-8''%E7%85%A7%E7%89%87%201.png");
    expect(contentDisposition(`it's (a)*.pdf`)).toBe("inline; filename*=UTF-8''it%27s%20%28a%29%2A.pdf");
    expect(contentDisposition('a";b.pdf')).toBe("inline; filename*=UTF-8''a%22%3Bb.pdf");
  });
});

describe('isAttachmentId', () => {
  it('accepts a uuid and nothing else', () => {
    expect(isAttachmentId('0b6f6a9e-3c1d-4e7a-9f2b-2d5c8e1a4b7c')).toBe(true);
    expect(isAttachmentId('0B6F6A9E-3C1D-4E7A-9F2B-2D5C8E1A4B7C')).toBe(true);
    expect(isAttachmentId('not-a-uuid')).toBe(false);
    expect(isAttachmentId("0b6f6a9e-3c1d-4e7a-9f2b-2d5c8e1a4b7c' OR 1=1")).toBe(false);
  });
});
