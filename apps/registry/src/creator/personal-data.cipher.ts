import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PersonalData } from '@concord/domain';

const VERSION = 'v1';

/**
 * Field-level encryption of creators' personal data: AES-256-GCM with the
 * key from `CONCORD_PII_KEY`, a fresh IV per value; the stored form is
 * `v1:<iv>:<tag>:<ciphertext>` (base64). The creator id is bound in as
 * additional data, so a value copied onto another creator does not decrypt.
 */
export class PersonalDataCipher {
  private readonly key: Buffer;

  constructor(keyBase64: string) {
    this.key = Buffer.from(keyBase64, 'base64');
    if (this.key.length !== 32) throw new Error('The personal data key must be 32 bytes');
  }

  encrypt(creatorId: string, data: PersonalData): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(creatorId));
    const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(creatorId: string, stored: string): PersonalData {
    const [version, iv, tag, body] = stored.split(':');
    if (version !== VERSION || !iv || !tag || !body) throw new Error('Unknown personal data format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(creatorId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as PersonalData;
  }
}
